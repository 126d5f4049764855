//! The text tables: one file per language (`text-fr-<hash>.txt`, `text-en-<hash>.txt`), written
//! by `build.rs` and copied into `dist/` by the prerender. In the browser, the table of the
//! language shown is fetched before the app starts, the other one on the first switch to it (the
//! service worker precaches both, so both work offline). A `Text` is an index into them.

use crate::i18n::Lang;

pub use super::{TEXT_COUNT, TEXT_FILES};

/// Separates the strings of a table file (see `build.rs`).
pub const SEPARATOR: char = '\u{1e}';

/// The file of a language's table, relative to the app root.
pub fn file(lang: Lang) -> &'static str {
    TEXT_FILES[lang as usize]
}

/// Reads a table: exactly `TEXT_COUNT` strings, or an error (a file from another build, a
/// truncated download, a host's error page).
pub fn parse(raw: &str) -> Result<Vec<&str>, String> {
    let v: Vec<&str> = raw.split(SEPARATOR).collect();
    if v.len() == TEXT_COUNT {
        Ok(v)
    } else {
        Err(format!(
            "a text table of {} strings where {TEXT_COUNT} were expected",
            v.len()
        ))
    }
}

/// Both tables, as built (natively only: the prerender writes them into `dist/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn built(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/text-fr.txt")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/text-en.txt")),
    }
}

#[cfg(target_arch = "wasm32")]
mod loaded {
    use super::*;
    use std::sync::OnceLock;

    static TABLES: [OnceLock<Vec<&'static str>>; 2] = [OnceLock::new(), OnceLock::new()];

    /// Keeps a fetched table for the rest of the session.
    pub fn install(lang: Lang, raw: String) -> Result<(), String> {
        let raw: &'static str = raw.leak();
        let table = parse(raw)?;
        _ = TABLES[lang as usize].set(table);
        Ok(())
    }

    pub fn has(lang: Lang) -> bool {
        TABLES[lang as usize].get().is_some()
    }

    /// A string of the table of `lang`; of the other language while that one is not there yet
    /// (never shown: the app switches only once the table is in).
    pub fn get(lang: Lang, id: u16) -> &'static str {
        let other = match lang {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        };
        TABLES[lang as usize]
            .get()
            .or(TABLES[other as usize].get())
            .and_then(|t| t.get(id as usize).copied())
            .unwrap_or("")
    }
}
#[cfg(target_arch = "wasm32")]
pub use loaded::{get, has, install};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ui;

    #[test]
    fn each_table_holds_every_text_at_its_id() {
        let fr = parse(built(Lang::Fr)).unwrap();
        let en = parse(built(Lang::En)).unwrap();
        for t in ui::ALL {
            assert_eq!(fr[t.id as usize], t.fr);
            assert_eq!(en[t.id as usize], t.en);
        }
        for f in crate::content::FRAMEWORKS {
            assert_eq!(fr[f.title.id as usize], f.title.fr);
            assert_eq!(en[f.lead.id as usize], f.lead.en);
        }
    }

    #[test]
    fn the_file_names_follow_the_content() {
        assert_eq!(
            file(Lang::Fr),
            format!(
                "text-fr-{}.txt",
                crate::prerender::hash(built(Lang::Fr).as_bytes())
            )
        );
        assert!(file(Lang::En).starts_with("text-en-") && file(Lang::En).ends_with(".txt"));
    }

    #[test]
    fn a_table_of_another_build_is_refused() {
        assert!(parse("one\u{1e}two").is_err());
        assert!(parse("").is_err());
        assert!(parse("<!doctype html><p>Not found</p>").is_err());
    }
}
