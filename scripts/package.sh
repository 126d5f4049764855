#!/usr/bin/env bash
# One release build, three packages for learning platforms: reperes-scorm12.zip (SCORM 1.2),
# reperes-scorm2004.zip (SCORM 2004 4th edition) and reperes-cmi5.zip (cmi5). See README.
# REPERES_LRS_ORIGINS narrows the cmi5 package's connect-src (default "https:").
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/build.sh"
python3 "$ROOT/scripts/package.py" dist . scorm12 scorm2004 cmi5
