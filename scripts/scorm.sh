#!/usr/bin/env bash
# Builds the release and packages it as reperes-scorm12.zip (SCORM 1.2) for an LMS such as Moodle.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/build.sh"
python3 "$ROOT/scripts/scorm.py" dist reperes-scorm12.zip
