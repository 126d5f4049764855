//! Turns the TOML files in `content/` into static Rust data (`$OUT_DIR/content.rs`), included by
//! `src/content.rs`. Generated data costs no parsing code in the wasm (see TOOLCHAIN.md's size
//! facts). A missing language, an empty string, an unknown field or a broken reference stops the
//! build with a message that names the file.

use serde::Deserialize;
use std::{collections::BTreeSet, fmt::Write as _, fs, path::Path};

/// Writes a value as a Rust expression of the static model.
trait ToRust {
    fn rs(&self, out: &mut String);
}

impl ToRust for String {
    fn rs(&self, out: &mut String) {
        write!(out, "{self:?}").unwrap();
    }
}
impl ToRust for bool {
    fn rs(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}
impl ToRust for i32 {
    fn rs(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}
impl ToRust for u8 {
    fn rs(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}
impl<T: ToRust> ToRust for Vec<T> {
    fn rs(&self, out: &mut String) {
        out.push_str("&[");
        for v in self {
            v.rs(out);
            out.push(',');
        }
        out.push(']');
    }
}
impl<T: ToRust> ToRust for Option<T> {
    fn rs(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.rs(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

/// French and English, both required and non-empty.
#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

/// Every distinct text with its pack: its index is the text's id. The texts come in packs (see
/// `src/content/tables.rs`): pack 0 holds what any screen may show (the interface, the articles
/// but their summaries, the phases but their details, every framework's names); pack 1 + k the
/// rest of framework k's texts, what only its own screen shows; then the checklist items' names
/// (the self-assessment, progress and the debrief show them all), the quiz's questions, their
/// explanations (shown once a question is answered: not on a first visit's page), the notices'
/// wording (`NOTICE_FILES`), each screen's own interface (`SCREEN_FILES`; the chronology's with
/// its events), what the screens drawn with the screens' style sheet share (`STYLED_FILES`), what
/// several tool screens share (`TOOL_FILES`), and last the debrief's own interface
/// (`DEBRIEF_FILES`). Each pack's strings, in id order, make one file per language
/// (`text-fr-<pack>.txt`), which the browser fetches when a screen needs it. The content is
/// written out twice (`main`): the first pass meets every text and its pack, then `freeze`
/// numbers them pack after pack, so that each pack is one range of ids, and the second pass writes
/// those ids.
static TABLE: std::sync::Mutex<Vec<(String, String, usize)>> = std::sync::Mutex::new(Vec::new());
/// The pack the texts being written go to.
static PACK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// Texts whose pack does not depend on what writes them (the items' names, written within their
/// framework): `(fr, en)` → pack.
static PINNED: std::sync::Mutex<std::collections::BTreeMap<(String, String), usize>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());
/// Set by `freeze`: every text has its id, none may be added.
static FROZEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes what `write` writes, its new texts going to `pack`.
fn in_pack<T>(pack: usize, write: impl FnOnce() -> T) -> T {
    PACK.store(pack, std::sync::atomic::Ordering::SeqCst);
    write()
}

/// Numbers the texts met in the first pass pack after pack (first met first within a pack).
fn freeze() {
    TABLE.lock().unwrap().sort_by_key(|t| t.2);
    FROZEN.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// A text as the tables hold it: French with its typography, English.
fn pair(t: &Text) -> (String, String) {
    (french_spacing(&t.fr), t.en.clone())
}

/// Separates the strings of a table file (no text may contain it).
const SEPARATOR: char = '\u{1e}';

impl ToRust for Text {
    fn rs(&self, out: &mut String) {
        for (lang, s) in [("fr", &self.fr), ("en", &self.en)] {
            if s.trim().is_empty() {
                panic!("empty {lang} text beside {:?} / {:?}", self.fr, self.en);
            }
            if s.contains(SEPARATOR) {
                panic!("a text holds the table separator U+001E: {s:?}");
            }
            // A plural is a `{ one, other }` entry of ui.toml, chosen from the count.
            if s.contains("(s)") || s.contains("(e)s") || s.contains("(es)") {
                panic!("{lang} text {s:?}: write the plural forms (one/other in ui.toml), not (s)");
            }
        }
        let pair = pair(self);
        let pack = PINNED.lock().unwrap().get(&pair).copied();
        let pack = pack.unwrap_or_else(|| PACK.load(std::sync::atomic::Ordering::SeqCst));
        let mut table = TABLE.lock().unwrap();
        // An equal text is shared within a pack, or taken from pack 0, which every screen has.
        let id = match table
            .iter()
            .position(|p| p.0 == pair.0 && p.1 == pair.1 && (p.2 == pack || p.2 == 0))
        {
            Some(i) => i,
            None => {
                assert!(
                    !FROZEN.load(std::sync::atomic::Ordering::SeqCst),
                    "build.rs: a text met in the second pass only: {pair:?}"
                );
                table.push((pair.0.clone(), pair.1.clone(), pack));
                table.len() - 1
            }
        };
        assert!(id < u16::MAX as usize, "too many texts");
        // `t!` keeps both strings natively (tests, prerender) and only the id in the wasm.
        write!(out, "t!({id},{:?},{:?})", pair.0, pair.1).unwrap();
    }
}

/// 64-bit FNV-1a in hex (as `prerender::hash`): names each table file by its content.
fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Writes each pack's file per language into `out` and returns the Rust constants that name them
/// and say where each pack's ids start. `group[p]` is pack p's group: the packs of one group are
/// named by one hash, of all their bodies (see `TEXT_FILES` below).
fn tables(out: &Path, packs: usize, group: &[usize]) -> String {
    let table = TABLE.lock().unwrap();
    let mut rs = format!("pub const TEXT_COUNT: usize = {};\n", table.len());
    rs.push_str(&format!("pub const TEXT_PACKS: usize = {packs};\n"));
    rs.push_str("/// The first id of each pack, then the count of all texts.\n");
    rs.push_str(&format!("pub const PACK_START: [u16; {}] = [", packs + 1));
    for p in 0..packs {
        let start = table.iter().position(|t| t.2 >= p).unwrap_or(table.len());
        write!(rs, "{start},").unwrap();
    }
    writeln!(rs, "{}];", table.len()).unwrap();
    // Each pack's file is named by the hash of its group's bodies: the frameworks of one article
    // share theirs. The names travel in the main module, and 64 distinct hashes (a pack per
    // framework) made it 0.97 KB brotli heavier than 20 did; a change to a framework's text
    // renames its article's packs, as when the article had one pack.
    rs.push_str("/// Each pack's file, French then English, named by its group's content hash.\n");
    writeln!(rs, "pub const TEXT_FILES: [[&str; {packs}]; 2] = [").unwrap();
    for (lang, pick) in [("fr", 0), ("en", 1)] {
        let sep = SEPARATOR.to_string();
        let body = |p: usize| {
            table
                .iter()
                .filter(|t| t.2 == p)
                .map(|t| {
                    if pick == 0 {
                        t.0.as_str()
                    } else {
                        t.1.as_str()
                    }
                })
                .collect::<Vec<_>>()
                .join(&sep)
        };
        rs.push('[');
        for p in 0..packs {
            fs::write(out.join(format!("text-{lang}-{p}.txt")), body(p)).unwrap();
            let of_group: Vec<String> = (0..packs)
                .filter(|q| group[*q] == group[p])
                .map(body)
                .collect();
            let hash = fnv(of_group.join("\u{0}").as_bytes());
            write!(rs, "\"text-{lang}-{p}-{hash}.txt\",").unwrap();
        }
        rs.push_str("],\n");
    }
    rs.push_str("];\n");
    // Natively (tests, prerender) every file is compiled in; the wasm fetches them.
    rs.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
    writeln!(rs, "pub const TEXT_BUILT: [[&str; {packs}]; 2] = [").unwrap();
    for lang in ["fr", "en"] {
        rs.push('[');
        for p in 0..packs {
            write!(
                rs,
                "include_str!(concat!(env!(\"OUT_DIR\"), \"/text-{lang}-{p}.txt\")),"
            )
            .unwrap();
        }
        rs.push_str("],\n");
    }
    rs.push_str("];\n");
    rs
}

/// French typography: a no-break space inside « » and before : ; ! ?, so that a line never
/// starts with the punctuation. Writers keep plain spaces in the content files.
fn french_spacing(s: &str) -> String {
    s.replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»")
        .replace(" :", "\u{a0}:")
        .replace(" ;", "\u{202f};")
        .replace(" !", "\u{202f}!")
        .replace(" ?", "\u{202f}?")
}

type Str = String;
type List<T> = Vec<T>;

macro_rules! schema {
    ($( $(#[$meta:meta])* pub struct $name:ident { $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)? } )*) => {
        $(
            #[derive(Deserialize, Default)]
            #[serde(deny_unknown_fields, default)]
            pub struct $name { $( pub $field: $ty ),* }

            impl ToRust for $name {
                fn rs(&self, out: &mut String) {
                    out.push_str(concat!(stringify!($name), "{"));
                    $(
                        out.push_str(concat!(stringify!($field), ":"));
                        self.$field.rs(out);
                        out.push(',');
                    )*
                    out.push('}');
                }
            }
        )*
    };
}

include!("src/content/schema.rs");

/// One file of `content/articles/`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFile {
    article: Article,
    #[serde(default)]
    framework: Vec<Framework>,
    #[serde(default)]
    phase: Vec<Phase>,
    #[serde(default)]
    event: Vec<Event>,
    #[serde(default)]
    question: Vec<Question>,
}

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/content/schema.rs");
    // Which interface strings only the tool screens use (see `TOOL_FILES`).
    println!("cargo:rerun-if-changed=src");

    let mut files: Vec<_> = fs::read_dir("content/articles")
        .expect("content/articles")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();

    let (mut articles, mut frameworks, mut phases, mut events, mut questions) =
        (vec![], vec![], vec![], vec![], vec![]);
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        let file: ArticleFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        articles.push(file.article);
        frameworks.extend(file.framework);
        phases.extend(file.phase);
        events.extend(file.event);
        questions.extend(file.question);
    }
    check_references(&articles, &frameworks, &phases, &events, &questions);

    // The packs (see TABLE): 0, one per framework, the items' names, the questions, their
    // explanations, the notices', one per screen of `SCREEN_FILES`, the tools', the debrief's.
    let pack_of = |framework: &str| {
        frameworks
            .iter()
            .position(|f| f.id == framework)
            .map_or(0, |k| k + 1)
    };
    let items_pack = frameworks.len() + 1;
    let questions_pack = items_pack + 1;
    let explain_pack = questions_pack + 1;
    let notices_pack = explain_pack + 1;
    // One per screen of `SCREEN_FILES`, the chronology's first.
    let screen_pack = |i: usize| notices_pack + 1 + i;
    let shared_pack = screen_pack(SCREEN_FILES.len());
    let tools_pack = shared_pack + 1;
    let debrief_pack = tools_pack + 1;
    PINNED.lock().unwrap().extend(
        frameworks
            .iter()
            .flat_map(|f| &f.items)
            .map(|i| (pair(&i.name), items_pack)),
    );
    PINNED
        .lock()
        .unwrap()
        .extend(questions.iter().map(|q| (pair(&q.explain), explain_pack)));
    // Of the articles and the phases, which pack 0 holds, the home page shows the articles'
    // titles and authors and the phases' names, expansions and status: an article's summary goes
    // with the sources screen's pack (the only one to show it), a phase's details (summary,
    // period, what it touches, its components) with the phases screen's. About 2,100 characters
    // of French left the pack every page carries (the home page 0.9 KB brotli lighter).
    let screen_named = |name: &str| {
        screen_pack(
            SCREEN_FILES
                .iter()
                .position(|s| s.0 == name)
                .unwrap_or_else(|| panic!("build.rs: no {name} in SCREEN_FILES")),
        )
    };
    let (sources_pack, phases_pack) = (screen_named("SOURCES"), screen_named("PHASES"));
    let mut pinned = PINNED.lock().unwrap();
    pinned.extend(articles.iter().map(|a| (pair(&a.about), sources_pack)));
    for p in &phases {
        let details = [&p.summary, &p.period, &p.touches].into_iter().chain(
            p.components
                .iter()
                .flat_map(|c| std::iter::once(&c.name).chain(&c.examples)),
        );
        pinned.extend(details.map(|t| (pair(t), phases_pack)));
    }
    drop(pinned);
    let ui_table = ui_table(Path::new("content/ui.toml"));
    let tools = keys_only_in(&ui_table, TOOL_FILES);
    let styled_files: Vec<&str> = TOOL_FILES.iter().chain(STYLED_FILES).copied().collect();
    let mut debrief = keys_only_in(&ui_table, DEBRIEF_FILES);
    debrief.insert(DEBRIEF_DESCRIPTION.to_string());
    let notices = keys_only_in(&ui_table, NOTICE_FILES);
    let own: Vec<BTreeSet<String>> = SCREEN_FILES
        .iter()
        .map(|(_, file, described)| {
            let mut keys = keys_only_in(&ui_table, &[file]);
            for k in *described {
                assert!(
                    ui_table.contains_key(*k),
                    "build.rs: SCREEN_FILES names {k}, not in content/ui.toml"
                );
                keys.insert(k.to_string());
            }
            keys
        })
        .collect();
    // What the screens drawn with the screens' style sheet share, beyond the tool screens' (see
    // `STYLED_FILES`).
    let shared: BTreeSet<String> = keys_only_in(&ui_table, &styled_files)
        .into_iter()
        .filter(|k| {
            !tools.contains(k) && !debrief.contains(k) && !own.iter().any(|o| o.contains(k))
        })
        .collect();
    let write = || {
        // Pack 0 first, so that an equal text met later is taken from it.
        let ui_core = in_pack(0, || {
            ui_consts(&ui_table, |k| {
                !tools.contains(k)
                    && !shared.contains(k)
                    && !notices.contains(k)
                    && !debrief.contains(k)
                    && !own.iter().any(|o| o.contains(k))
            })
        });
        let articles_rs = in_pack(0, || gen(&articles));
        let phases_rs = in_pack(0, || gen(&phases));
        in_pack(0, || {
            for f in &frameworks {
                gen(&f.short);
                gen(&f.title);
            }
        });
        let frameworks_rs: Vec<String> = frameworks
            .iter()
            .map(|f| in_pack(pack_of(&f.id), || gen(f)))
            .collect();
        let questions_rs: Vec<String> =
            in_pack(questions_pack, || questions.iter().map(gen).collect());
        let events_rs: Vec<String> = in_pack(screen_pack(0), || events.iter().map(gen).collect());
        let ui_notices = in_pack(notices_pack, || {
            ui_consts(&ui_table, |k| notices.contains(k))
        });
        let ui_screens: Vec<(String, String)> = own
            .iter()
            .enumerate()
            .map(|(i, keys)| {
                in_pack(screen_pack(i), || {
                    ui_consts(&ui_table, |k| keys.contains(k))
                })
            })
            .collect();
        let ui_shared = in_pack(shared_pack, || ui_consts(&ui_table, |k| shared.contains(k)));
        let ui_tools = in_pack(tools_pack, || {
            ui_consts(&ui_table, |k| {
                tools.contains(k) && !debrief.contains(k) && !own.iter().any(|o| o.contains(k))
            })
        });
        let ui_debrief = in_pack(debrief_pack, || {
            ui_consts(&ui_table, |k| debrief.contains(k))
        });
        let parts = [&ui_core, &ui_notices]
            .into_iter()
            .chain(&ui_screens)
            .chain([&ui_shared, &ui_tools, &ui_debrief]);
        let (consts, all): (String, String) = parts.map(|(c, a)| (c.as_str(), a.as_str())).unzip();
        let ui = format!(
            "pub mod ui {{\n    use super::{{Plural, Text}};\n{consts}    pub const ALL: &[Text] = &[{all}];\n}}\n"
        );
        let list = |items: Vec<String>| format!("&[{}]", items.join(","));
        let mut out = String::from("// Generated by build.rs from content/. Do not edit.\n");
        for (name, ty, code) in [
            ("ARTICLES", "Article", articles_rs),
            ("FRAMEWORKS", "Framework", list(frameworks_rs)),
            ("PHASES", "Phase", phases_rs),
            ("EVENTS", "Event", list(events_rs)),
            ("QUESTIONS", "Question", list(questions_rs)),
        ] {
            writeln!(out, "pub static {name}: &[{ty}] = {code};").unwrap();
        }
        out.push_str(&ui);
        writeln!(out, "/// The pack of every checklist item's name.\npub const ITEMS_PACK: usize = {items_pack};").unwrap();
        writeln!(out, "/// The pack of the quiz's questions.\npub const QUESTIONS_PACK: usize = {questions_pack};").unwrap();
        writeln!(out, "/// The pack of the quiz's explanations, shown once a question is answered.\npub const EXPLAIN_PACK: usize = {explain_pack};").unwrap();
        writeln!(out, "/// The pack of the notices' own text (see `NOTICE_FILES` in build.rs).\npub const NOTICES_PACK: usize = {notices_pack};").unwrap();
        for (i, (name, file, _)) in SCREEN_FILES.iter().enumerate() {
            writeln!(out, "/// The pack of the interface text only `{file}` shows.\npub const {name}_PACK: usize = {};", screen_pack(i)).unwrap();
        }
        out
    };
    write();
    freeze();
    let mut out = write();

    let out_dir = std::env::var("OUT_DIR").unwrap();
    // A framework's pack is in its article's group (one hash for their names), a tool screen's in
    // the tools' group; any other pack is a group of its own.
    let group: Vec<usize> = (0..=debrief_pack)
        .map(|p| match p.checked_sub(1).and_then(|k| frameworks.get(k)) {
            Some(f) => 1000 + articles.iter().position(|a| a.id == f.article).unwrap_or(0),
            // The screens' own packs (`SCREEN_FILES`) and the tools' pack: one group too.
            None if (screen_pack(0)..=tools_pack).contains(&p) => 2000,
            None => p,
        })
        .collect();
    out.push_str(&tables(Path::new(&out_dir), debrief_pack + 1, &group));
    fs::write(Path::new(&out_dir).join("content.rs"), out).unwrap();
}

fn gen<T: ToRust>(v: &T) -> String {
    let mut s = String::new();
    v.rs(&mut s);
    s
}

/// Every id a reference points to must exist; ids must be unique; kinds must be known.
fn check_references(
    articles: &[Article],
    frameworks: &[Framework],
    phases: &[Phase],
    events: &[Event],
    questions: &[Question],
) {
    let article_ids: BTreeSet<_> = articles.iter().map(|a| a.id.as_str()).collect();
    let mut icons = BTreeSet::new();
    for a in articles {
        assert!(
            icons.insert(a.icon.as_str()) && !a.icon.is_empty(),
            "article {}: each article has an icon of its own",
            a.id
        );
    }
    let mut fw_ids = BTreeSet::new();
    for f in frameworks {
        assert!(fw_ids.insert(f.id.as_str()), "framework id {} twice", f.id);
        assert!(
            article_ids.contains(f.article.as_str()),
            "framework {}: unknown article {}",
            f.id,
            f.article
        );
        let mut item_ids = BTreeSet::new();
        for i in &f.items {
            assert!(
                item_ids.insert(i.id.as_str()),
                "framework {}: item id {} twice",
                f.id,
                i.id
            );
            assert!(
                !f.checklist || i.question.is_some(),
                "checklist {}: item {} has no question",
                f.id,
                i.id
            );
        }
    }
    for p in phases {
        assert!(
            ["delivered", "maturing", "ongoing"].contains(&p.status_kind.as_str()),
            "phase {}: status_kind",
            p.id
        );
        assert!(
            ["public", "vendors", "infrastructure"].contains(&p.touches_kind.as_str()),
            "phase {}: touches_kind",
            p.id
        );
    }
    for e in events {
        assert!(
            fw_ids.contains(e.framework.as_str()),
            "event {}: unknown framework {}",
            e.id,
            e.framework
        );
    }
    let mut q_ids = BTreeSet::new();
    for q in questions {
        assert!(q_ids.insert(q.id.as_str()), "question id {} twice", q.id);
        assert!(
            fw_ids.contains(q.framework.as_str()),
            "question {}: unknown framework {}",
            q.id,
            q.framework
        );
        assert!(
            (q.answer as usize) < q.choices.len(),
            "question {}: answer out of range",
            q.id
        );
    }
}

/// One entry of `content/ui.toml`: a text, or a text whose words follow a count.
#[derive(Deserialize)]
#[serde(untagged)]
enum UiEntry {
    Text(Text),
    Plural(Plural),
}

/// `key = { one = { fr, en }, other = { fr, en } }`: the forms for one and for several, picked
/// at run time by `i18n::Lang::plural` from the count `{n}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plural {
    one: Text,
    other: Text,
}

/// The `{name}` placeholders of a string, sorted.
fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(k, _)| k.to_string()))
        .collect()
}

impl Plural {
    /// Every form fills the same values, and the count `{n}` is one of them.
    fn check(&self, key: &str) {
        let want = placeholders(&self.other.fr);
        assert!(
            want.contains("n"),
            "ui.toml {key}: a plural entry needs the count {{n}}"
        );
        for s in [&self.one.fr, &self.one.en, &self.other.en] {
            assert_eq!(
                placeholders(s),
                want,
                "ui.toml {key}: every form fills the same values ({s:?})"
            );
        }
    }
}

/// `content/ui.toml` is a flat table of `key = { fr, en }` (a `Text`) or
/// `key = { one = { fr, en }, other = { fr, en } }` (a `Plural`); each key becomes `ui::KEY`, so
/// a view that names a missing string does not compile. Read here, by key; written by `ui_consts`.
fn ui_table(path: &Path) -> std::collections::BTreeMap<String, UiEntry> {
    let text = fs::read_to_string(path).unwrap();
    let table: std::collections::BTreeMap<String, UiEntry> =
        toml::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (an entry is {{ fr, en }} or {{ one = {{ fr, en }}, other = {{ fr, en }} }})",
                path.display()
            )
        });
    for key in table.keys() {
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
            "ui key {key}"
        );
    }
    table
}

/// The `ui::` constants of the keys `keep` keeps, and the list of their texts (for `ui::ALL`).
fn ui_consts(
    table: &std::collections::BTreeMap<String, UiEntry>,
    keep: impl Fn(&str) -> bool,
) -> (String, String) {
    let (mut out, mut all) = (String::new(), String::new());
    for (key, entry) in table.iter().filter(|(k, _)| keep(k)) {
        let name = key.to_uppercase();
        match entry {
            UiEntry::Text(t) => {
                let mut v = String::new();
                t.rs(&mut v);
                writeln!(out, "    pub const {name}: Text = {v};").unwrap();
                write!(all, "{name},").unwrap();
            }
            UiEntry::Plural(p) => {
                p.check(key);
                let (mut one, mut other) = (String::new(), String::new());
                p.one.rs(&mut one);
                p.other.rs(&mut other);
                writeln!(
                    out,
                    "    pub const {name}: Plural = Plural{{one:{one},other:{other}}};"
                )
                .unwrap();
                write!(all, "{name}.one,{name}.other,").unwrap();
            }
        }
    }
    (out, all)
}

/// The source files of the tool screens and of what only they (and presenter mode, which loads
/// every pack too) draw. Each of these screens needs every pack (`Route::text_packs`), so the
/// interface strings used in these files alone travel in a pack of their own, the last: the other
/// screens, the home screen first, do not download them before they are live.
const TOOL_FILES: &[&str] = &[
    "src/views/chronology.rs",
    "src/views/assessment.rs",
    "src/views/quiz.rs",
    "src/views/progress.rs",
    "src/views/debrief.rs",
    "src/components/debrief.rs",
    "src/components/chart.rs",
    "src/store/debrief.rs",
];

/// With `TOOL_FILES`, the source files of every screen drawn with the screens' style sheet
/// (`Route::screens_style`: the framework and phases screens, the chronology, the tool screens)
/// and of what only they and presenter mode draw. The interface strings used in these alone (and
/// not in one screen's own file alone, nor in the tool screens' alone) travel in a pack of their
/// own (`SHARED_PACK`), which each of those screens loads: the checklists', the timeline's, the
/// source line's, a framework's neighbours', presenter mode's (about 0.5 KB of French), which the
/// home, sources, about and not-found pages, with pack 0, carried for nothing.
const STYLED_FILES: &[&str] = &[
    "src/views/framework.rs",
    "src/views/phases.rs",
    "src/components/checklist.rs",
    "src/components/source.rs",
    "src/components/timeline.rs",
    "src/components/presenter.rs",
    "src/components/confirm.rs",
];

/// The source files of the debrief (its screen, its reading of the codes, its figures): the
/// interface strings used in these alone, about 40 % of the tools' (2.7 KB of French), travel in
/// a pack of their own, the last, so that the other tool screens' pages do not carry them.
const DEBRIEF_FILES: &[&str] = &[
    "src/views/debrief.rs",
    "src/components/debrief.rs",
    "src/store/debrief.rs",
];

/// The notices' source file: the interface strings used in it alone (every notice's wording,
/// 2.7 KB of French) travel in a pack of their own, fetched with the notices' code (a chunk of its
/// own), so that no page carries them for the notices it does not show.
const NOTICE_FILES: &[&str] = &["src/components/notices.rs"];

/// The tool screens whose own interface strings (used in their file alone) travel in a pack of
/// their own, so that each tool screen's page carries its own and not the others' (the quiz's
/// page about 1 KB brotli lighter): the chronology's, with its events, the self-assessment's, the
/// quiz's, progress's. What several of them use stays in the tools' pack (`TOOL_FILES`).
///
/// The other screens but home have one too (phases and their comparison, sources, about, the
/// not-found screen): what their file alone shows left pack 0, which every page carries (the home
/// page about 0.7 KB brotli lighter). Each screen's description (`state::description`, written in
/// `state.rs`) goes with its own interface: the keys named third.
const SCREEN_FILES: &[(&str, &str, &[&str])] = &[
    ("CHRONOLOGY", "src/views/chronology.rs", &["chrono_desc"]),
    ("ASSESSMENT", "src/views/assessment.rs", &["assess_desc"]),
    ("QUIZ", "src/views/quiz.rs", &["quiz_desc"]),
    ("PROGRESS", "src/views/progress.rs", &["progress_desc"]),
    (
        "PHASES",
        "src/views/phases.rs",
        &["phases_desc", "compare_desc"],
    ),
    ("SOURCES", "src/views/sources.rs", &["sources_desc"]),
    ("ABOUT", "src/views/about.rs", &["about_desc"]),
    ("NOT_FOUND", "src/views/not_found.rs", &["not_found_desc"]),
];

/// The debrief's description goes with its own interface (see `SCREEN_FILES`).
const DEBRIEF_DESCRIPTION: &str = "debrief_desc";

/// The interface keys that appear (as `ui::KEY`) in `only` and in no other source file.
fn keys_only_in(
    table: &std::collections::BTreeMap<String, UiEntry>,
    only: &[&str],
) -> BTreeSet<String> {
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = vec![];
    walk(Path::new("src"), &mut files);
    for f in only {
        assert!(
            Path::new(f).exists(),
            "build.rs: a list of source files names {f}, which does not exist"
        );
    }
    let mut tool_uses = BTreeSet::new();
    let mut other_uses = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // Only what the app shows: the unit tests, at the end of a file, show nothing.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let tool = only.iter().any(|t| file == Path::new(t));
        for (at, _) in text.match_indices("ui::") {
            let name: String = text[at + 4..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if !name.is_empty() {
                let key = name.to_lowercase();
                if tool {
                    tool_uses.insert(key)
                } else {
                    other_uses.insert(key)
                };
            }
        }
    }
    table
        .keys()
        .filter(|k| tool_uses.contains(*k) && !other_uses.contains(*k))
        .cloned()
        .collect()
}
