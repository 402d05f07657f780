//===- ArgvCommand.cpp - A simple command from an argv list ---------------===//
#include "lib/Model/ArgvCommand.h"

namespace adminlint {

shell::Script argvScript(llvm::ArrayRef<EmbeddedText> Argv, SourceRange Whole) {
  shell::Command Cmd;
  for (const EmbeddedText &Item : Argv) {
    shell::Word W;
    W.Text = Item;
    W.Range = Item.empty() ? Whole : Item.toHost(0, Item.size());
    W.Quoted = true;
    Cmd.Words.push_back(std::move(W));
  }
  Cmd.Range = Whole;
  shell::Script S;
  S.Commands.push_back(std::move(Cmd));
  return S;
}

} // namespace adminlint
