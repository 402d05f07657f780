//===- adminlint.cpp - The command-line entry point -----------------------===//
#include "lib/Check/Rules.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  for (const adminlint::RuleInfo &R : adminlint::allRules())
    llvm::outs() << R.Code << " " << R.Name << "\n";
  return 0;
}
