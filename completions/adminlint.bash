# bash completion for adminlint                              -*- shell-script -*-

_adminlint_rules() {
    adminlint rules 2>/dev/null | awk '{print $1; print $2}'
}

_adminlint() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="check rules explain init version"
    local check_opts="--format -o --output --config --select --ignore --fail-on
        --baseline --write-baseline -j --jobs --no-ignore --max-file-size
        --max-nesting-depth --max-yaml-nodes --max-file-time -q --quiet
        --statistics --stdin-filename --sarif-category --color --show-suppressed
        --help --version"

    case $prev in
        --format)
            COMPREPLY=($(compgen -W "text json sarif github gitlab checkstyle" -- "$cur"))
            return ;;
        --fail-on)
            COMPREPLY=($(compgen -W "error warning note never" -- "$cur"))
            return ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --select | --ignore)
            COMPREPLY=($(compgen -W "$(_adminlint_rules)" -- "$cur"))
            return ;;
        -o | --output | --config | --baseline | --write-baseline | --stdin-filename)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        -j | --jobs | --max-file-size | --max-nesting-depth | --max-yaml-nodes | \
            --max-file-time | --sarif-category)
            return ;;
        explain)
            COMPREPLY=($(compgen -W "$(_adminlint_rules)" -- "$cur"))
            return ;;
    esac

    local i command=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            check | rules | explain | init | version) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur") $(compgen -f -- "$cur"))
        return
    fi
    case $command in
        rules) COMPREPLY=($(compgen -W "--format" -- "$cur")) ;;
        explain | init | version) ;;
        *)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$check_opts" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi ;;
    esac
}
complete -F _adminlint adminlint
