//===- Frontends.cpp - The frontend of each file kind ---------------------===//
#include "lib/Model/Frontends.h"

namespace adminlint {

// One declaration and one case per frontend; keep in FileKind order.

FrontendFn frontendFor(FileKind Kind) {
  switch (Kind) {
  default:
    return nullptr;
  }
}

} // namespace adminlint
