// Kept for the document builder's includes: the period names now live in phrasing.h and the
// findings themselves come from engine.h (findings::find_findings).
#pragma once

#include "findings/finding.h"
#include "findings/phrasing.h"
