//===- HelmTemplate.h - Helm templates read as YAML without helm -*- C++
//-*-===//
//
// A Helm template (templates/*.yaml) is YAML text with Go template actions.
// The preprocessor keeps the YAML structure without running anything: it
// returns YAML of the same length, so every byte range of the YAML parse is a
// byte range of the template, and the list of actions with their ranges.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_PARSE_HELMTEMPLATE_H
#define ADMINLINT_PARSE_HELMTEMPLATE_H

#include "lib/Basic/SourceFile.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace helm {

/// What a `{{ }}` action does to the text around it.
enum class ActionKind {
  Output,  ///< prints its pipeline: `{{ .Values.image.tag }}`
  Control, ///< if/else/end/range/with/define/block/break/continue
  Assign,  ///< `{{ $x := ... }}`, prints nothing
  Comment, ///< `{{/* ... */}}`
};

/// One action of a template, outside `define` blocks and discarded `else`
/// branches.
struct TemplateAction {
  ActionKind Kind = ActionKind::Output;
  SourceRange Range;    ///< `{{` to `}}`, trim markers included
  SourceRange Pipeline; ///< the pipeline without delimiters, markers and blanks
  /// The action stands alone on its line(s) and was blanked out; otherwise it
  /// was replaced by a placeholder inside the surrounding scalar.
  bool Standalone = false;
  /// The action's pipeline prints a YAML block (toYaml, indent, nindent) and
  /// was blanked out even inside a line.
  bool PrintsBlock = false;
  /// What `.` is at the action as a field path from the root ("" is the root,
  /// ".Values.image" inside `with .Values.image`); None inside `range` or
  /// when the `with` pipeline is not a plain field path.
  llvm::Optional<std::string> Dot;
};

/// A named template: `{{ define "name" }}body{{ end }}`.
struct NamedTemplate {
  std::string Name;
  SourceRange NameRange;
  SourceRange Body; ///< between the define action and its end action
};

/// A template syntax problem (ADM900): unbalanced delimiters or blocks.
struct TemplateError {
  std::string Message;
  SourceRange Range;
};

/// The result of preprocessing one template file.
struct PreprocessedTemplate {
  /// YAML text with exactly the template's length and line breaks.
  std::string Yaml;
  std::vector<TemplateAction> Actions;
  std::vector<NamedTemplate> Defines;
  std::vector<TemplateError> Errors;

  /// The Output actions that overlap R, in source order.
  llvm::SmallVector<const TemplateAction *, 4> outputsIn(SourceRange R) const;
};

/// The filler of an inline action: a plain-scalar character.
constexpr char PlaceholderChar = '_';

/// Preprocesses a template. Linear in the text's length; never throws.
PreprocessedTemplate preprocessTemplate(llvm::StringRef Text);

/// The first word of an action's pipeline text ("if", "include", ".Values.x").
llvm::StringRef firstWord(llvm::StringRef Pipeline);

} // namespace helm
} // namespace adminlint

#endif
