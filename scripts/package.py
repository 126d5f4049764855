#!/usr/bin/env python3
"""Packages dist/ for learning platforms, from one build: the same app in three zips, only the
manifest (and, for cmi5, the pages' connect-src, and so their hashes in the worker's list) differs.

    reperes-scorm12.zip     SCORM 1.2: imsmanifest.xml, one SCO
    reperes-scorm2004.zip   SCORM 2004 4th edition: imsmanifest.xml, one SCO, content-set status
    reperes-cmi5.zip        cmi5: cmi5.xml, one AU

    python3 scripts/package.py [dist] [out-dir] [scorm12|scorm2004|cmi5 ...]
    (scripts/package.sh builds first and writes all three)

cmi5 talks to an LRS whose address the LMS gives at launch, usually on another origin, and the
app's CSP says `connect-src 'self'`. In the cmi5 package only, every page's CSP adds the origins
in REPERES_LRS_ORIGINS (space-separated), `https:` by default: any LRS over TLS. Set it to the
LRS's own origin for a tighter policy. The SCORM packages keep `connect-src 'self'`.
"""
import base64
import hashlib
import json
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

SCORM12 = """<?xml version="1.0" encoding="UTF-8"?>
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
      <title>{title}</title>
      <item identifier="reperes-item" identifierref="reperes-sco" isvisible="true">
        <title>{title}</title>
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

# SCORM 2004 4th edition (CAM 4th ed.): the imscp_v1p1 content packaging namespace, adlcp/adlseq/
# adlnav v1p3 and IMS Simple Sequencing. Completion and success are the content's to set
# (deliveryControls), so the LMS does not mark the SCO completed on its own when it ends.
SCORM2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="reperes" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="reperes-org">
    <organization identifier="reperes-org">
      <title>{title}</title>
      <item identifier="reperes-item" identifierref="reperes-sco" isvisible="true">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="reperes-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
{files}
    </resource>
  </resources>
</manifest>
"""

# cmi5 course structure: one AU launched at a relative URL (the LMS resolves it against where it
# unpacked the zip). moveOn="Completed": the AU counts as satisfied once every framework screen
# has been visited; the quiz's passed/failed is sent only when the LMS gives a mastery score, so
# it is not made a condition here. The LMS hands moveOn to the AU in LMS.LaunchData, where the app
# reads it (src/platform/cmi5.rs, `MoveOn`). Titles and descriptions come from content/ui.toml.
CMI5 = """<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://w3id.org/xapi/reperes/course">
    <title>
      <langstring lang="fr">{title_fr}</langstring>
      <langstring lang="en">{title_en}</langstring>
    </title>
    <description>
      <langstring lang="fr">{desc_fr}</langstring>
      <langstring lang="en">{desc_en}</langstring>
    </description>
  </course>
  <au id="https://w3id.org/xapi/reperes/au" moveOn="Completed" launchMethod="AnyWindow">
    <title>
      <langstring lang="fr">{title_fr}</langstring>
      <langstring lang="en">{title_en}</langstring>
    </title>
    <description>
      <langstring lang="fr">{desc_fr}</langstring>
      <langstring lang="en">{desc_en}</langstring>
    </description>
    <url>index.html</url>
  </au>
</courseStructure>
"""

KINDS = {
    "scorm12": ("reperes-scorm12.zip", "imsmanifest.xml"),
    "scorm2004": ("reperes-scorm2004.zip", "imsmanifest.xml"),
    "cmi5": ("reperes-cmi5.zip", "cmi5.xml"),
}


def ui_text(key):
    """A text of content/ui.toml (text is data), FR and EN, escaped for XML."""
    import tomllib

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "content", "ui.toml"), "rb") as f:
        ui = tomllib.load(f)
    d = ui[key]
    return escape(d["fr"]), escape(d["en"])


def description():
    """The app's one-line description, FR and EN."""
    return ui_text("about_lead")


def app_name():
    """The app's name, FR and EN. SCORM titles have no language: they take the French one, the
    app's default language."""
    return ui_text("app_name")


def list_files(dist):
    files = []
    for root, _, names in os.walk(dist):
        for n in names:
            files.append(os.path.relpath(os.path.join(root, n), dist).replace(os.sep, "/"))
    return sorted(files)


def widen_csp(html, origins):
    """connect-src 'self' → connect-src 'self' <origins>, in this page only."""
    old = "connect-src 'self'"
    if old not in html:
        sys.exit("a page has no connect-src 'self' to widen: the CSP changed, update package.py")
    return html.replace(old, f"{old} {origins}")


def with_hashes(sw, changed):
    """The service worker with the precache list's hashes of the files in `changed` (path → bytes
    as packaged) written anew, and a version of its own. The browser checks each file the worker
    precaches against its hash: with dist/'s hashes for the cmi5 package's pages (their CSP
    widened) the worker would never install, and the course would never work offline."""
    found = re.search(r"^const FILES = (\[.*\]);$", sw, re.M)
    version = re.search(r'^const VERSION = "([^"]+)";$', sw, re.M)
    if not found or not version:
        sys.exit("sw.js has no precache list or version where package.py looks: update package.py")
    files = json.loads(found.group(1))
    for entry in files:
        stored = entry[2] if len(entry) > 2 else entry[0]  # a page's offline twin, or the file
        if stored in changed:
            entry[1] = "sha256-" + base64.b64encode(hashlib.sha256(changed[stored]).digest()).decode()
    sw = sw[: found.start(1)] + json.dumps(files, separators=(",", ":"), ensure_ascii=False) + sw[found.end(1) :]
    return sw.replace(version.group(0), f'const VERSION = "{version.group(1)}-lrs";', 1)


def package(kind, dist, out_dir):
    out_name, manifest_name = KINDS[kind]
    # The first-load bundles (first_<screen>-<hash>.wasm) serve a page opened at its own address:
    # a course opens index.html, and moves with ?view=, whose pages load the chunks. Only the home
    # page's bundle goes in (the others are about 300 KB the learner would never load).
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        home = f.read()
    files = [f for f in list_files(dist) if not f.startswith("first_") or f in home]
    listing = "\n".join(f"      <file href={quoteattr(f)}/>" for f in files)
    title_fr, title_en = app_name()
    if kind == "scorm12":
        manifest = SCORM12.format(files=listing, title=title_fr)
    elif kind == "scorm2004":
        manifest = SCORM2004.format(files=listing, title=title_fr)
    else:
        fr, en = description()
        manifest = CMI5.format(desc_fr=fr, desc_en=en, title_fr=title_fr, title_en=title_en)
    origins = os.environ.get("REPERES_LRS_ORIGINS", "https:").strip() or "https:"
    out = os.path.join(out_dir, out_name)
    tmp = out + ".part"
    changed = {}
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(manifest_name, manifest)
        for f in files:
            path = os.path.join(dist, f)
            if kind == "cmi5" and f.endswith(".html"):
                with open(path, encoding="utf-8") as h:
                    changed[f] = widen_csp(h.read(), origins).encode("utf-8")
                z.writestr(f, changed[f])
            elif f != "sw.js":
                z.write(path, f)
        # The worker last: its list gives the hashes of the pages as packaged.
        if "sw.js" in files:
            with open(os.path.join(dist, "sw.js"), encoding="utf-8") as h:
                z.writestr("sw.js", with_hashes(h.read(), changed) if changed else h.read())
    os.replace(tmp, out)
    print(f"{out}: {len(files)} files and {manifest_name}")


def main(dist="dist", out_dir=".", *kinds):
    if not os.path.isfile(os.path.join(dist, "index.html")):
        sys.exit(f"no {dist}/index.html: build first (./scripts/build.sh)")
    for kind in kinds or KINDS:
        if kind not in KINDS:
            sys.exit(f"unknown package {kind!r}: one of {', '.join(KINDS)}")
        package(kind, dist, out_dir)


if __name__ == "__main__":
    main(*sys.argv[1:])
