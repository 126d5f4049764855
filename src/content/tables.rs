//! The text tables: one file per language and pack (`text-fr-<pack>-<hash>.txt`), written by
//! `build.rs` and copied into `dist/` by the prerender. Pack 0 holds what any screen may show (the
//! interface, the articles, the phases, every framework's names); pack 1 + k the rest of framework
//! k's texts, what only its screen shows; then every checklist item's name (`ITEMS_PACK`:
//! the checklists, the self-assessment, progress and the debrief show them), the quiz's questions
//! (`QUESTIONS_PACK`) and their explanations (`EXPLAIN_PACK`, see `Ctx::text_packs`), the
//! notices' wording (`NOTICES_PACK`, fetched with their code, see
//! `components::notices`), each screen's own interface strings and description (`CHRONOLOGY_PACK`
//! with the chronology's events, `ASSESSMENT_PACK`, `QUIZ_PACK`, `PROGRESS_PACK`, `PHASES_PACK`,
//! `SOURCES_PACK`, `ABOUT_PACK`, `NOT_FOUND_PACK`: see `SCREEN_FILES` in `build.rs`; home's stay
//! in pack 0), those the screens drawn with the screens' style sheet share (`SHARED_PACK`, see
//! `STYLED_FILES`), those several tool screens share (`TOOLS_PACK`, see `TOOL_FILES`), and last those
//! only the debrief uses (`DEBRIEF_PACK`, see `DEBRIEF_FILES`). In the browser a screen
//! waits for the packs it shows (`Route::text_packs`), in the language shown, before it is drawn;
//! the rest follow in idle time, and the service worker precaches them all, so every screen works
//! offline in both languages. A `Text` is an id into them: each pack is one range of ids
//! (`PACK_START`).

use crate::i18n::Lang;

pub use super::{
    ABOUT_PACK, ASSESSMENT_PACK, CHRONOLOGY_PACK, EXPLAIN_PACK, ITEMS_PACK, NOTICES_PACK,
    NOT_FOUND_PACK, PACK_START, PHASES_PACK, PROGRESS_PACK, QUESTIONS_PACK, QUIZ_PACK,
    SOURCES_PACK, TEXT_FILES, TEXT_PACKS,
};

/// The pack of the interface strings that only the screens drawn with the screens' style sheet
/// (`Route::screens_style`) and presenter mode show, and neither one screen alone nor the tool
/// screens alone (see `STYLED_FILES` in build.rs): the checklists', the timeline's, the source
/// line's, presenter mode's.
pub const SHARED_PACK: usize = TEXT_PACKS - 3;

/// The pack of the interface strings that only the tool screens (chronology, self-assessment,
/// quiz, progress, debrief) and presenter mode show, and more than one of them.
pub const TOOLS_PACK: usize = TEXT_PACKS - 2;

/// The pack of the interface strings that only the debrief shows (its screen, its reading of the
/// codes, its figures): the other tool screens' pages do not carry them.
pub const DEBRIEF_PACK: usize = TEXT_PACKS - 1;

/// Separates the strings of a table file (see `build.rs`).
pub const SEPARATOR: char = '\u{1e}';

/// A set of packs, one bit each (33 packs: one per framework since session 23).
pub type Packs = u64;

/// Every pack.
pub const ALL: Packs = (1 << TEXT_PACKS) - 1;

/// Pack 0 alone: the interface and every framework's name, what the shell and any screen show.
pub const INTERFACE: Packs = 1;

/// The pack of a framework's own texts (its names are in pack 0): one per framework, so that a
/// framework's page carries its own texts and not those of its article's other frameworks (the
/// phases' pages 4.5 KB brotli lighter, usages 3.7, when each article had one pack).
pub fn framework_pack(id: &str) -> usize {
    super::FRAMEWORKS
        .iter()
        .position(|f| f.id == id)
        .map_or(0, |k| k + 1)
}

/// The packs a framework's screen needs beyond pack 0: its own, and the items' names when it
/// lists items.
pub fn framework_packs(id: &str) -> Packs {
    let items = super::framework(id).is_some_and(|f| !f.items.is_empty());
    1 << framework_pack(id) | if items { 1 << ITEMS_PACK } else { 0 }
}

/// The pack that holds a text.
pub fn pack_of(id: u16) -> usize {
    PACK_START[1..]
        .iter()
        .position(|&end| id < end)
        .unwrap_or(0)
}

/// The file of a language's pack, relative to the app root.
pub fn file(lang: Lang, pack: usize) -> &'static str {
    TEXT_FILES[lang as usize][pack]
}

/// Reads a pack's file: exactly as many strings as the pack holds, or an error (a file from
/// another build, a truncated download, a host's error page).
pub fn parse(pack: usize, raw: &str) -> Result<Vec<&str>, String> {
    let v: Vec<&str> = raw.split(SEPARATOR).collect();
    let want = (PACK_START[pack + 1] - PACK_START[pack]) as usize;
    if v.len() == want {
        Ok(v)
    } else {
        Err(format!(
            "text pack {pack}: {} strings where {want} were expected",
            v.len()
        ))
    }
}

/// A pack's file as built (natively only: the prerender writes them into `dist/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn built(lang: Lang, pack: usize) -> &'static str {
    super::TEXT_BUILT[lang as usize][pack]
}

#[cfg(target_arch = "wasm32")]
mod loaded {
    use super::*;
    use std::sync::OnceLock;

    static TABLES: [[OnceLock<Vec<&'static str>>; TEXT_PACKS]; 2] =
        [const { [const { OnceLock::new() }; TEXT_PACKS] }; 2];

    /// Keeps a fetched pack for the rest of the session.
    pub fn install(lang: Lang, pack: usize, raw: String) -> Result<(), String> {
        let raw: &'static str = raw.leak();
        let table = parse(pack, raw)?;
        _ = TABLES[lang as usize][pack].set(table);
        Ok(())
    }

    /// The packs of `packs` that are not there yet in `lang`.
    pub fn missing(lang: Lang, packs: Packs) -> Packs {
        (0..TEXT_PACKS)
            .filter(|p| packs & (1 << p) != 0 && TABLES[lang as usize][*p].get().is_none())
            .fold(0, |m, p| m | 1 << p)
    }

    /// A string of `lang`; of the other language while that pack is not there yet (never shown:
    /// a screen and a language are shown only once their packs are in).
    pub fn get(lang: Lang, id: u16) -> &'static str {
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        let pack = pack_of(id);
        let at = (id - PACK_START[pack]) as usize;
        TABLES[lang as usize][pack]
            .get()
            .or(TABLES[other as usize][pack].get())
            .and_then(|t| t.get(at).copied())
            .unwrap_or("")
    }
}
#[cfg(target_arch = "wasm32")]
pub use loaded::{get, install, missing};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ui, Text};

    /// The string of a text in a language, read from the pack files as the browser does.
    fn read(lang: Lang, t: Text) -> &'static str {
        let p = pack_of(t.id);
        parse(p, built(lang, p)).unwrap()[(t.id - PACK_START[p]) as usize]
    }

    #[test]
    fn each_pack_holds_every_text_at_its_id() {
        for t in ui::ALL {
            assert!(
                pack_of(t.id) == 0 || pack_of(t.id) >= NOTICES_PACK,
                "the interface is in pack 0, the notices' pack, a tool screen's, the tools' or the debrief's"
            );
            assert_eq!(read(Lang::Fr, *t), t.fr);
            assert_eq!(read(Lang::En, *t), t.en);
        }
        for f in crate::content::FRAMEWORKS {
            assert_eq!(pack_of(f.title.id), 0, "{}: names in pack 0", f.id);
            assert_eq!(pack_of(f.short.id), 0, "{}: names in pack 0", f.id);
            assert_eq!(read(Lang::Fr, f.title), f.title.fr);
            assert_eq!(read(Lang::En, f.lead), f.lead.en);
            let own = framework_pack(f.id);
            assert!(own >= 1, "{}: its own texts in its own pack", f.id);
            for i in f.items {
                assert!(
                    [0, ITEMS_PACK].contains(&pack_of(i.name.id)),
                    "{}: an item's name in the items' pack",
                    f.id
                );
                assert_eq!(read(Lang::En, i.name), i.name.en);
                assert!([0, own].contains(&pack_of(i.text.id)));
                assert_eq!(read(Lang::Fr, i.text), i.text.fr);
            }
        }
        for q in crate::content::QUESTIONS {
            for t in [q.prompt].iter().chain(q.choices) {
                assert!([0, QUESTIONS_PACK].contains(&pack_of(t.id)));
                assert_eq!(read(Lang::En, *t), t.en);
            }
            assert_eq!(
                pack_of(q.explain.id),
                EXPLAIN_PACK,
                "{}: its explanation",
                q.id
            );
            assert_eq!(read(Lang::Fr, q.explain), q.explain.fr);
        }
        for e in crate::content::EVENTS {
            assert!([0, CHRONOLOGY_PACK].contains(&pack_of(e.label.id)));
            assert_eq!(read(Lang::Fr, e.label), e.label.fr);
        }
        assert_eq!(PACK_START[0], 0);
        assert!(
            PACK_START.windows(2).all(|w| w[0] < w[1]),
            "every pack holds texts"
        );
    }

    #[test]
    fn the_notices_wording_has_a_pack_of_its_own() {
        // Every notice's words: fetched with the notices' code, on no page before.
        for t in [
            ui::LATE_WAITING,
            ui::SCREEN_FAILED,
            ui::SHARE_OFFER,
            ui::RETRY,
            ui::DISMISS,
        ] {
            assert_eq!(pack_of(t.id), NOTICES_PACK, "{}", t.en);
        }
        assert_eq!(
            pack_of(ui::NOTICES_WAITING.id),
            0,
            "the banner shown when they cannot come"
        );
        assert_eq!(pack_of(ui::NOTES_KEPT_HERE.one.id), NOTICES_PACK);
        assert!(!crate::route::Route::all()
            .iter()
            .any(|r| r.text_packs() & 1 << NOTICES_PACK != 0));
    }

    #[test]
    fn the_tool_screens_interface_has_a_pack_of_its_own() {
        // Shown on every screen, or on the home screen (which names the tool screens): pack 0.
        for t in [ui::APP_NAME, ui::HOME_LEAD, ui::QUIZ_TITLE] {
            assert_eq!(pack_of(t.id), 0, "{}", t.en);
        }
        // Written in the tool screens' files only: their own pack; in the debrief's alone, the
        // debrief's, the last.
        assert_eq!(pack_of(ui::QUIZ_CHECK.id), QUIZ_PACK);
        assert_eq!(pack_of(ui::CHRONO_LEAD.id), CHRONOLOGY_PACK);
        assert_eq!(pack_of(ui::READING_HIGH.id), ASSESSMENT_PACK);
        assert_eq!(pack_of(ui::EXPORT.id), PROGRESS_PACK);
        // Shared by two tool screens (the quiz and progress): the tools' pack.
        assert_eq!(pack_of(ui::QUIZ_SCORE.id), TOOLS_PACK);
        // Shared by the screens drawn with the screens' style sheet (the checklists, the
        // timeline, the source line, a framework's neighbours): theirs; not the home page's.
        for t in [
            ui::CHECKLIST_HINT,
            ui::RATE_IN_PLACE,
            ui::ALL_SOURCES,
            ui::NEIGHBOURS,
            ui::TODAY,
        ] {
            assert_eq!(pack_of(t.id), SHARED_PACK, "{}", t.en);
        }
        for t in [ui::DEBRIEF_INPUT_LABEL, ui::DEBRIEF_KEEP] {
            assert_eq!(pack_of(t.id), DEBRIEF_PACK, "{}", t.en);
        }
        let debrief = ui::ALL
            .iter()
            .filter(|t| pack_of(t.id) == DEBRIEF_PACK)
            .count();
        assert!(
            debrief > 40,
            "the debrief's pack holds {debrief} interface texts"
        );
        let tools = ui::ALL
            .iter()
            .filter(|t| pack_of(t.id) == TOOLS_PACK)
            .count();
        assert!(tools > 5, "the tools' pack holds {tools} interface texts");
        let frameworks = crate::content::FRAMEWORKS.len();
        assert_eq!(
            (
                ITEMS_PACK,
                QUESTIONS_PACK,
                EXPLAIN_PACK,
                NOTICES_PACK,
                CHRONOLOGY_PACK,
                PROGRESS_PACK,
                SHARED_PACK,
                TOOLS_PACK,
                DEBRIEF_PACK
            ),
            (
                frameworks + 1,
                frameworks + 2,
                frameworks + 3,
                frameworks + 4,
                frameworks + 5,
                frameworks + 8,
                frameworks + 13,
                frameworks + 14,
                frameworks + 15
            )
        );
        // The other screens' own interface and descriptions, out of pack 0 (every page's).
        for (t, pack) in [
            (ui::ABOUT_LEAD, ABOUT_PACK),
            (ui::ABOUT_DESC, ABOUT_PACK),
            (ui::SOURCES_DESC, SOURCES_PACK),
            (ui::NOT_FOUND_DESC, NOT_FOUND_PACK),
            (ui::PHASES_DESC, PHASES_PACK),
            (ui::COMPARE_DESC, PHASES_PACK),
            (ui::QUIZ_DESC, QUIZ_PACK),
            (ui::DEBRIEF_DESC, DEBRIEF_PACK),
        ] {
            assert_eq!(pack_of(t.id), pack, "{}", t.en);
        }
        // Home's description is its lead, on its page: pack 0.
        assert_eq!(pack_of(ui::HOME_LEAD.id), 0);
        assert!(
            TEXT_PACKS <= Packs::BITS as usize,
            "a set of packs holds them all"
        );
    }

    #[test]
    fn the_file_names_follow_the_content() {
        // A framework's pack is named by the hash of its article's frameworks' packs, a tool
        // screen's by that of the tool screens' and the tools' packs; any other pack by its own.
        let article = |p: usize| {
            p.checked_sub(1)
                .and_then(|k| crate::content::FRAMEWORKS.get(k))
                .map(|f| f.article)
                .or((CHRONOLOGY_PACK..=TOOLS_PACK)
                    .contains(&p)
                    .then_some("tools"))
        };
        let hash = |lang: Lang, p: usize| {
            let group: Vec<&str> = (0..TEXT_PACKS)
                .filter(|&q| q == p || article(q).is_some() && article(q) == article(p))
                .map(|q| built(lang, q))
                .collect();
            crate::prerender::hash(group.join("\0").as_bytes())
        };
        for p in 0..TEXT_PACKS {
            assert_eq!(
                file(Lang::Fr, p),
                format!("text-fr-{p}-{}.txt", hash(Lang::Fr, p))
            );
            assert_eq!(
                file(Lang::En, p),
                format!("text-en-{p}-{}.txt", hash(Lang::En, p))
            );
        }
        // Two frameworks of one article: one hash; of two articles: two.
        let (a, b) = (framework_pack("phases"), framework_pack("usages"));
        assert_eq!(article(a), article(b));
        assert_eq!(
            file(Lang::Fr, a).rsplit('-').next(),
            file(Lang::Fr, b).rsplit('-').next()
        );
        let c = framework_pack("ai-agents");
        assert_ne!(
            file(Lang::Fr, a).rsplit('-').next(),
            file(Lang::Fr, c).rsplit('-').next()
        );
    }

    #[test]
    fn a_table_of_another_build_is_refused() {
        assert!(parse(0, "one\u{1e}two").is_err());
        assert!(parse(1, "").is_err());
        assert!(parse(0, "<!doctype html><p>Not found</p>").is_err());
    }
}
