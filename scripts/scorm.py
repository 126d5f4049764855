#!/usr/bin/env python3
"""Packages dist/ as a SCORM 1.2 zip: every file of the build plus an imsmanifest.xml with one
organization and one SCO that lists every file as a resource file.

    python3 scripts/scorm.py [dist] [reperes-scorm12.zip]      (scripts/scorm.sh builds first)
"""
import os
import sys
import zipfile
from xml.sax.saxutils import quoteattr

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="reperes" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="reperes-org">
    <organization identifier="reperes-org">
      <title>Repères</title>
      <item identifier="reperes-item" identifierref="reperes-sco" isvisible="true">
        <title>Repères</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="reperes-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
{files}
    </resource>
  </resources>
</manifest>
"""


def main(dist="dist", out="reperes-scorm12.zip"):
    if not os.path.isfile(os.path.join(dist, "index.html")):
        sys.exit(f"no {dist}/index.html: build first (./scripts/build.sh)")
    files = []
    for root, _, names in os.walk(dist):
        for n in sorted(names):
            files.append(os.path.relpath(os.path.join(root, n), dist).replace(os.sep, "/"))
    files.sort()
    listing = "\n".join(f"      <file href={quoteattr(f)}/>" for f in files)
    tmp = out + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("imsmanifest.xml", MANIFEST.format(files=listing))
        for f in files:
            z.write(os.path.join(dist, f), f)
    os.replace(tmp, out)
    print(f"{out}: {len(files)} files and imsmanifest.xml")


if __name__ == "__main__":
    main(*sys.argv[1:])
