//! The learner's progress and settings: one versioned JSON value under one storage key.
//!
//! Pure Rust, tested natively. Reading never fails: whatever is stored, `load` returns the valid
//! part, says what it had to reset, and hands back the unreadable text so the caller can keep it
//! under [`BACKUP_KEY`]. The browser side (localStorage, its fallback to memory, the `storage`
//! event) is in `platform::storage`.

pub mod codec;
pub mod debrief;
pub mod json;
pub mod sorted;

use crate::content::{self, QUESTIONS};
use crate::i18n::Lang;
use crate::route::Route;
use json::Json;
use sorted::{SortedMap, SortedSet};

pub const KEY: &str = "reperes";
pub const BACKUP_KEY: &str = "reperes.backup";
/// The format written today. Version 1 (the first prototype) kept checklist ticks as booleans.
pub const VERSION: u64 = 2;
/// Anything longer is not ours (localStorage quotas are 5 MB; our real state is a few KB).
pub const MAX_BYTES: usize = 200_000;
pub const MAX_NOTE_CHARS: usize = 1000;

/// Where the learner stands on one checklist item.
pub const RATINGS: u8 = 3; // 0 not started, 1 in progress, 2 in place

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(code: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Progress {
    /// The language the learner chose, if they chose one.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// Route paths visited.
    pub visited: SortedSet<String>,
    /// `framework/item` → rating (0..RATINGS).
    pub ratings: SortedMap<String, u8>,
    /// `framework/item` → note.
    pub notes: SortedMap<String, String>,
    /// Question id → chosen choice.
    pub answers: SortedMap<String, u8>,
    /// The path of the last screen opened other than home: where "continue" leads. Added to
    /// version 2 as an optional field: older texts read without it, and an older app that reads
    /// it ignores it (it knows only its own fields).
    pub last: Option<String>,
}

/// What `load` had to throw away, so the app can say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reset {
    /// The stored text was not JSON (or was empty).
    NotJson,
    TooLarge,
    /// JSON, but not an object with a version.
    WrongShape,
    /// Written by a newer or unknown version of the app.
    UnknownVersion(u64),
    /// Some entries were invalid or no longer exist; the rest was kept.
    Dropped(usize),
}

/// What was read; by default (nothing stored) a fresh start.
#[derive(Debug, PartialEq, Default)]
pub struct Loaded {
    pub progress: Progress,
    pub resets: Vec<Reset>,
    /// The original text when anything was reset: keep it under `BACKUP_KEY`.
    pub backup: Option<String>,
}

pub fn item_key(framework: &str, item: &str) -> String {
    format!("{framework}/{item}")
}

/// Is `key` an item of a checklist that exists today?
fn is_checklist_item(key: &str) -> bool {
    let Some((f, i)) = key.split_once('/') else {
        return false;
    };
    content::framework(f).is_some_and(|f| f.checklist && f.items.iter().any(|it| it.id == i))
}

fn is_route(path: &str) -> bool {
    let r = Route::parse(path);
    r != Route::NotFound && r.path() == path
}

/// A screen "continue" may lead back to: not home (where it is offered), nor a missing page.
fn can_continue(r: Route) -> bool {
    !matches!(r, Route::Home | Route::NotFound)
}

fn question_choices(id: &str) -> Option<usize> {
    QUESTIONS
        .iter()
        .find(|q| q.id == id)
        .map(|q| q.choices.len())
}

pub fn save(p: &Progress) -> String {
    let small = |m: &SortedMap<String, u8>| {
        Json::Obj(
            m.iter()
                .map(|(k, v)| (k.clone(), Json::Int(*v as i64)))
                .collect(),
        )
    };
    let field = |k: &str, v: Json| (k.to_string(), v);
    let mut fields = vec![
        field("v", Json::Int(VERSION as i64)),
        field(
            "lang",
            p.lang.map_or(Json::Null, |l| Json::Str(l.code().into())),
        ),
        field("theme", Json::Str(p.theme.code().into())),
        field(
            "visited",
            Json::Arr(p.visited.iter().map(|s| Json::Str(s.clone())).collect()),
        ),
        field("ratings", small(&p.ratings)),
        field(
            "notes",
            Json::Obj(
                p.notes
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::Str(v.clone())))
                    .collect(),
            ),
        ),
        field("answers", small(&p.answers)),
    ];
    // Only when there is one, so that a text written before it existed reads back the same.
    if let Some(last) = &p.last {
        fields.push(field("last", Json::Str(last.clone())));
    }
    Json::Obj(fields).text()
}

pub fn load(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded {
            progress: Progress::default(),
            resets: vec![],
            backup: None,
        };
    };
    let fail = |r: Reset| Loaded {
        progress: Progress::default(),
        resets: vec![r],
        backup: Some(raw.to_string()),
    };
    if raw.len() > MAX_BYTES {
        return fail(Reset::TooLarge);
    }
    let Some(value) = Json::parse(raw) else {
        return fail(Reset::NotJson);
    };
    if value.as_object().is_none() {
        return fail(Reset::WrongShape);
    }
    let obj = match value.get("v").and_then(Json::as_u64) {
        Some(VERSION) => value,
        Some(1) => migrate_v1(value),
        Some(v) => return fail(Reset::UnknownVersion(v)),
        None => return fail(Reset::WrongShape),
    };
    let (progress, dropped) = from_object(&obj);
    if dropped > 0 {
        Loaded {
            progress,
            resets: vec![Reset::Dropped(dropped)],
            backup: Some(raw.to_string()),
        }
    } else {
        Loaded {
            progress,
            resets: vec![],
            backup: None,
        }
    }
}

/// A progress file chosen for import, once read by `load` (the rules of stored text, so a file
/// exported before an update imports as well as it would have loaded): its valid part and how
/// many entries were left out (ones that no longer exist after a content update, or that are
/// invalid), or `None` when it is not a progress file at all.
pub fn importable(loaded: Loaded) -> Option<(Progress, usize)> {
    match loaded.resets.as_slice() {
        [] => Some((loaded.progress, 0)),
        // Nothing valid and something dropped: another file that happens to look like ours.
        [Reset::Dropped(n)] if loaded.progress.has_results() => Some((loaded.progress, *n)),
        _ => None,
    }
}

/// Version 1 stored `checks: { "usages/messaging": true }` and `language: "fr"`.
fn migrate_v1(old: Json) -> Json {
    let Json::Obj(old) = old else { return old };
    let mut new = Vec::with_capacity(old.len());
    for (k, v) in old {
        match (k.as_str(), &v) {
            ("checks", Json::Obj(checks)) => {
                let ratings = checks
                    .iter()
                    .filter_map(|(k, v)| {
                        v.as_bool()
                            .map(|done| (k.clone(), Json::Int(if done { 2 } else { 0 })))
                    })
                    .collect();
                new.push(("ratings".into(), Json::Obj(ratings)));
            }
            ("checks", _) => {}
            ("language", _) => new.push(("lang".into(), v)),
            _ => new.push((k, v)),
        }
    }
    Json::Obj(new)
}

/// Takes every valid field and entry, counting what it had to drop.
fn from_object(obj: &Json) -> (Progress, usize) {
    let mut p = Progress::default();
    let mut dropped = 0;
    let mut bad = |ok: bool| {
        if !ok {
            dropped += 1;
        }
        ok
    };
    if let Some(v) = obj.get("lang").filter(|v| **v != Json::Null) {
        p.lang = v.as_str().and_then(Lang::parse);
        bad(p.lang.is_some());
    }
    if let Some(v) = obj.get("theme") {
        match v.as_str().and_then(Theme::parse) {
            Some(t) => p.theme = t,
            None => _ = bad(false),
        }
    }
    if let Some(v) = obj.get("last") {
        p.last = v
            .as_str()
            .filter(|s| is_route(s) && can_continue(Route::parse(s)))
            .map(str::to_string);
        bad(p.last.is_some());
    }
    for (field, entries) in ["visited", "ratings", "notes", "answers"].map(|f| (f, obj.get(f))) {
        let Some(entries) = entries else { continue };
        match (field, entries) {
            ("visited", Json::Arr(list)) => {
                for v in list {
                    if let Some(s) = v.as_str().filter(|s| bad(is_route(s))) {
                        p.visited.insert(s.to_string());
                    } else if v.as_str().is_none() {
                        bad(false);
                    }
                }
            }
            ("ratings", Json::Obj(m)) => {
                for (k, v) in m {
                    match v.as_u64() {
                        Some(r) if r < RATINGS as u64 && bad(is_checklist_item(k)) => {
                            p.ratings.insert(k.clone(), r as u8);
                        }
                        Some(r) if r < RATINGS as u64 => {}
                        _ => _ = bad(false),
                    }
                }
            }
            ("notes", Json::Obj(m)) => {
                for (k, v) in m {
                    match v.as_str() {
                        Some(s) if is_checklist_item(k) => {
                            p.notes
                                .insert(k.clone(), s.chars().take(MAX_NOTE_CHARS).collect());
                        }
                        _ => _ = bad(false),
                    }
                }
            }
            ("answers", Json::Obj(m)) => {
                for (k, v) in m {
                    match (v.as_u64(), question_choices(k)) {
                        (Some(a), Some(n)) if (a as usize) < n => {
                            p.answers.insert(k.clone(), a as u8);
                        }
                        _ => _ = bad(false),
                    }
                }
            }
            _ => _ = bad(false),
        }
    }
    (p, dropped)
}

impl Progress {
    pub fn rating(&self, framework: &str, item: &str) -> Option<u8> {
        self.ratings.get(&item_key(framework, item)).copied()
    }

    /// Average rating of a checklist in 0.0..=1.0, and how many items are rated.
    pub fn checklist_score(&self, framework: &content::Framework) -> (f32, usize) {
        let rated: Vec<u8> = framework
            .items
            .iter()
            .filter_map(|i| self.rating(framework.id, i.id))
            .collect();
        let total: u32 = rated.iter().map(|&r| r as u32).sum();
        let max = (framework.items.len() as u32) * (RATINGS as u32 - 1);
        (
            if max == 0 {
                0.0
            } else {
                total as f32 / max as f32
            },
            rated.len(),
        )
    }

    pub fn quiz_score(&self) -> (usize, usize) {
        let right = QUESTIONS
            .iter()
            .filter(|q| self.answers.get(q.id) == Some(&q.answer))
            .count();
        (right, QUESTIONS.len())
    }

    /// A checklist is done when every item is rated.
    pub fn checklist_done(&self, framework: &content::Framework) -> bool {
        framework
            .items
            .iter()
            .all(|i| self.rating(framework.id, i.id).is_some())
    }

    /// Every framework screen visited: the completion rule (also for SCORM).
    pub fn all_screens_visited(&self) -> bool {
        crate::route::framework_routes().all(|r| self.visited.contains(&r.path()))
    }

    /// These results with the language, theme and last screen of `current`: what an import or
    /// an erase leaves (settings and where one stands in the app belong to the device, not to
    /// the results).
    pub fn with_settings_of(self, current: &Progress) -> Progress {
        Progress {
            lang: current.lang,
            theme: current.theme,
            last: current.last.clone(),
            ..self
        }
    }

    /// The learner opened `route`: a framework screen counts as visited (the phases screen
    /// whatever phase is selected), and any screen but home is where "continue" leads. Returns
    /// whether anything changed, so that an unchanged state is not saved again.
    pub fn arrive(&mut self, route: Route) -> bool {
        let mut changed = false;
        if let Some(id) = route.framework_id() {
            if let Some(r) = crate::route::framework_routes().find(|r| r.framework_id() == Some(id))
            {
                changed |= self.visited.insert(r.path());
            }
        }
        if can_continue(route) {
            let path = route.path();
            if self.last.as_deref() != Some(path.as_str()) {
                self.last = Some(path);
                changed = true;
            }
        }
        changed
    }

    /// Where "continue" leads, if anywhere.
    pub fn last_route(&self) -> Option<Route> {
        self.last
            .as_deref()
            .map(Route::parse)
            .filter(|r| can_continue(*r))
    }

    /// Anything an import or an erase would lose: results, notes or visits (not the settings).
    pub fn has_results(&self) -> bool {
        !(self.ratings.is_empty()
            && self.notes.is_empty()
            && self.answers.is_empty()
            && self.visited.is_empty())
    }

    pub fn visited_count(&self) -> usize {
        crate::route::framework_routes()
            .filter(|r| self.visited.contains(&r.path()))
            .count()
    }

    /// Number of checklist items in all frameworks, for the progress view.
    pub fn rated_count(&self) -> usize {
        self.ratings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Progress {
        let mut p = Progress {
            lang: Some(Lang::En),
            theme: Theme::Dark,
            ..Default::default()
        };
        let usages = content::framework("usages").unwrap();
        p.visited.insert("usages".into());
        p.visited.insert("phases/solomo".into());
        p.ratings.insert(item_key("usages", usages.items[0].id), 2);
        p.ratings.insert(item_key("usages", usages.items[1].id), 1);
        p.notes.insert(
            item_key("usages", usages.items[0].id),
            "Nos clients sont sur WhatsApp « déjà ».".into(),
        );
        p.answers
            .insert(QUESTIONS[0].id.into(), QUESTIONS[0].answer);
        p
    }

    #[test]
    fn the_last_screen_is_kept_and_an_older_text_reads_without_it() {
        let mut p = sample();
        assert!(p.arrive(Route::Phases(Some("clodaml"))));
        assert_eq!(p.last.as_deref(), Some("phases/clodaml"));
        assert!(
            p.visited.contains("phases"),
            "a phase counts as the phases screen"
        );
        assert!(
            !p.arrive(Route::Phases(Some("clodaml"))),
            "no change the second time"
        );
        assert!(!p.arrive(Route::Home), "home is not a place to continue to");
        assert_eq!(p.last_route(), Some(Route::Phases(Some("clodaml"))));
        assert!(p.arrive(Route::Quiz));
        assert_eq!(p.last_route(), Some(Route::Quiz));
        let text = save(&p);
        assert!(text.contains(r#""last":"quiz""#), "{text}");
        assert_eq!(load(Some(&text)).progress, p);
        // A version 2 text from before `last` existed: same progress, nothing dropped, and
        // written back unchanged.
        let old = save(&sample());
        assert!(!old.contains("last"));
        let l = load(Some(&old));
        assert!(l.resets.is_empty() && l.progress.last.is_none());
        assert_eq!(save(&l.progress), old);
        // A last screen that no longer exists (or is not one) is dropped, and said.
        for bad in [r#""nowhere""#, r#""""#, "3", r#""not-found""#] {
            let raw = old.replacen("{", &format!(r#"{{"last":{bad},"#), 1);
            let l = load(Some(&raw));
            assert_eq!(l.progress, sample(), "{raw}");
            assert_eq!(l.resets, vec![Reset::Dropped(1)], "{raw}");
        }
        // The device keeps its own last screen when results are imported or erased.
        let erased = Progress::default().with_settings_of(&p);
        assert_eq!(erased.last_route(), Some(Route::Quiz));
    }

    #[test]
    fn round_trip() {
        let p = sample();
        let loaded = load(Some(&save(&p)));
        assert_eq!(
            loaded,
            Loaded {
                progress: p,
                resets: vec![],
                backup: None
            }
        );
    }

    #[test]
    fn nothing_stored_is_a_fresh_start_without_notice() {
        let l = load(None);
        assert_eq!(l.progress, Progress::default());
        assert!(l.resets.is_empty() && l.backup.is_none());
    }

    #[test]
    fn not_json_and_empty_are_reset_with_backup() {
        for raw in ["{oops", "", "   ", "undefined"] {
            let l = load(Some(raw));
            assert_eq!(l.resets, vec![Reset::NotJson], "{raw:?}");
            assert_eq!(l.backup.as_deref(), Some(raw));
            assert_eq!(l.progress, Progress::default());
        }
    }

    #[test]
    fn a_megabyte_is_refused() {
        let raw = "x".repeat(1 << 20);
        let l = load(Some(&raw));
        assert_eq!(l.resets, vec![Reset::TooLarge]);
        assert_eq!(l.backup.map(|b| b.len()), Some(1 << 20));
    }

    #[test]
    fn wrong_shapes_are_reset() {
        for raw in ["[]", "42", "\"text\"", "null", "{}", r#"{"v":"2"}"#] {
            assert_eq!(load(Some(raw)).resets, vec![Reset::WrongShape], "{raw}");
        }
    }

    #[test]
    fn unknown_version_is_kept_aside() {
        let l = load(Some(r#"{"v":99,"ratings":{}}"#));
        assert_eq!(l.resets, vec![Reset::UnknownVersion(99)]);
        assert!(l.backup.is_some());
    }

    #[test]
    fn wrong_value_types_drop_only_the_bad_entries() {
        let mut v: serde_json::Value = serde_json::from_str(&save(&sample())).unwrap();
        v["theme"] = "purple".into();
        v["ratings"]["usages/nope"] = 2.into(); // item that no longer exists
        v["ratings"]["practices/x"] = "high".into(); // wrong type
        v["notes"]["pillars/y"] = 3.into();
        v["answers"]["no-such-question"] = 0.into();
        v["answers"][QUESTIONS[1].id] = 17.into(); // out of range
        v["visited"].as_array_mut().unwrap().push("nowhere".into());
        let raw = v.to_string();
        let l = load(Some(&raw));
        let mut expect = sample();
        expect.theme = Theme::Auto;
        assert_eq!(l.progress, expect);
        assert_eq!(l.resets, vec![Reset::Dropped(7)]);
        assert_eq!(l.backup.as_deref(), Some(raw.as_str()));
    }

    #[test]
    fn a_field_of_the_wrong_kind_is_dropped() {
        let l = load(Some(
            r#"{"v":2,"ratings":[1,2],"visited":"usages","lang":"de"}"#,
        ));
        assert_eq!(l.progress, Progress::default());
        assert_eq!(l.resets, vec![Reset::Dropped(3)]);
    }

    #[test]
    fn migrates_version_1() {
        let usages = content::framework("usages").unwrap();
        let (a, b) = (
            item_key("usages", usages.items[0].id),
            item_key("usages", usages.items[1].id),
        );
        let raw = format!(
            r#"{{"v":1,"language":"en","checks":{{"{a}":true,"{b}":false}},"visited":["usages"]}}"#
        );
        let l = load(Some(&raw));
        assert!(l.resets.is_empty(), "{:?}", l.resets);
        assert_eq!(l.progress.lang, Some(Lang::En));
        assert_eq!(l.progress.ratings.get(&a), Some(&2));
        assert_eq!(l.progress.ratings.get(&b), Some(&0));
        // and it is written back in today's format
        assert!(save(&l.progress).contains(r#""v":2"#));
    }

    #[test]
    fn long_notes_are_cut() {
        let usages = content::framework("usages").unwrap();
        let raw = format!(
            r#"{{"v":2,"notes":{{"usages/{}":"{}"}}}}"#,
            usages.items[0].id,
            "é".repeat(5000)
        );
        let l = load(Some(&raw));
        assert_eq!(
            l.progress.notes.values().next().unwrap().chars().count(),
            MAX_NOTE_CHARS
        );
    }

    #[test]
    fn an_import_keeps_what_still_exists_and_refuses_what_is_not_progress() {
        let mut p = sample();
        p.lang = None;
        p.theme = Theme::Auto;
        let text = save(&p);
        assert_eq!(importable(load(Some(&text))), Some((p.clone(), 0)));
        // An export from before a content update: one item and one screen no longer exist.
        let old = text
            .replacen(
                "\"ratings\":{",
                "\"ratings\":{\"usages/removed-item\":1,",
                1,
            )
            .replacen("\"visited\":[", "\"visited\":[\"gone/\",", 1);
        assert_ne!(old, text, "the sample has ratings and visits to extend");
        assert_eq!(importable(load(Some(&old))), Some((p, 2)));
        for bad in [
            "",
            "not json",
            "[]",
            "{\"v\":99}",
            "{\"ratings\":{}}",
            "{\"v\":2,\"ratings\":{\"nope/nope\":1}}",
        ] {
            assert_eq!(importable(load(Some(bad))), None, "{bad}");
        }
        assert!(!Progress::default().has_results());
        assert!(sample().has_results());
    }

    #[test]
    fn scores() {
        let p = sample();
        let usages = content::framework("usages").unwrap();
        let (score, rated) = p.checklist_score(usages);
        assert_eq!(rated, 2);
        assert!((score - 3.0 / 12.0).abs() < 1e-6);
        assert_eq!(p.quiz_score().0, 1);
        assert!(!p.all_screens_visited());
        let mut all = p.clone();
        for r in crate::route::framework_routes() {
            all.visited.insert(r.path());
        }
        assert!(all.all_screens_visited());
    }
}
