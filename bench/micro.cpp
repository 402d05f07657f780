//===- micro.cpp - Micro-benchmarks of the shell parser, YAML and matcher -===//
//
// The three layers every file goes through: the shell parser (all embedded
// shell code), the YAML layer (manifests, compose, CI) and the admin-command
// matcher (every command of every script). Inputs are built in memory from
// realistic snippets repeated to a few sizes; bytes/s is the figure to watch.
//
//===----------------------------------------------------------------------===//
#include "lib/Basic/EmbeddedText.h"
#include "lib/Model/AdminCommand.h"
#include "lib/Parse/Shell.h"
#include "lib/Parse/Yaml.h"
#include <benchmark/benchmark.h>
#include <string>

using namespace adminlint;

static const char ShellSnippet[] = R"(#!/bin/sh
set -eu
cd "$(dirname "$0")/.."
export APP_ENV=${APP_ENV:-production}
if [ -f .env.local ]; then
  . ./.env.local
fi
for i in 1 2 3; do echo "attempt $i" >&2; done
ssh deploy@prod 'cd /var/www/app && python manage.py migrate --noinput'
kubectl exec deploy/web -- bundle exec rake db:migrate
cat <<EOF2 | psql "$DATABASE_URL"
UPDATE orders SET state = 'done';
EOF2
exec gunicorn app.wsgi:application --bind 0.0.0.0:8000
)";

static const char YamlSnippet[] = R"(---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    helm.sh/hook: pre-upgrade
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: registry.example.com/shop/web:1.4.2
          command: ["sh", "-c", "python manage.py migrate --noinput"]
          envFrom:
            - secretRef: {name: web-secrets}
            - configMapRef: {name: web-config}
      restartPolicy: Never
)";

/// Snippet repeated N times.
static std::string repeat(const char *Snippet, int64_t N) {
  std::string Out;
  for (int64_t I = 0; I < N; ++I)
    Out += Snippet;
  return Out;
}

static void BM_ShellParse(benchmark::State &State) {
  std::string Text = repeat(ShellSnippet, State.range(0));
  EmbeddedText Source = EmbeddedText::verbatim(Text, 0);
  for (auto _ : State)
    benchmark::DoNotOptimize(shell::parse(Source));
  State.SetBytesProcessed(State.iterations() * Text.size());
}
BENCHMARK(BM_ShellParse)->Arg(1)->Arg(16)->Arg(256);

static void BM_YamlParse(benchmark::State &State) {
  std::string Text = repeat(YamlSnippet, State.range(0));
  for (auto _ : State)
    benchmark::DoNotOptimize(yaml::Stream::parse(Text));
  State.SetBytesProcessed(State.iterations() * Text.size());
}
BENCHMARK(BM_YamlParse)->Arg(1)->Arg(16)->Arg(256);

static void BM_AdminMatch(benchmark::State &State) {
  std::string Text = repeat(ShellSnippet, State.range(0));
  shell::Script S = shell::parse(EmbeddedText::verbatim(Text, 0));
  const AdminMatcher &M = AdminMatcher::builtin();
  for (auto _ : State)
    benchmark::DoNotOptimize(M.matchAll(S));
  State.SetItemsProcessed(State.iterations() * S.Commands.size());
}
BENCHMARK(BM_AdminMatch)->Arg(1)->Arg(16)->Arg(256);

BENCHMARK_MAIN();
