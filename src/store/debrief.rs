//! The class debrief: a trainer pastes text holding learners' share codes (`R1.…`, alone or in
//! share links, one per line or inside a whole chat export), and gets the group's figures. Nothing
//! is sent anywhere; this module is plain Rust, tested natively.
//!
//! Reading is one pass over the text and one over each code's characters: the cost grows with the
//! text and the number of codes, never with their product (the lead benches 200 codes).

use super::codec::{self, CodecError};
use super::json::Json;
use super::RATINGS;
use crate::content::{checklists, ui, Framework, Item, Question, Text, FRAMEWORKS, QUESTIONS};
use crate::i18n::Lang;
use crate::route::framework_routes;
use std::collections::HashMap;

/// A paste longer than this is refused whole, before it is read (a class's codes fill a few KB).
pub const MAX_TEXT: usize = 2 * 1024 * 1024;
/// Codes after this many are not read (and counted as left out).
pub const MAX_CODES: usize = 1000;
/// A kept debrief: its own storage key and format version.
pub const SAVE_KEY: &str = "reperes.debrief";
pub const SAVE_VERSION: u64 = 1;
/// Refused and repeated codes listed one by one; beyond that they are only counted.
pub const MAX_LISTED: usize = 50;

/// Why a code was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Cut short, or a character changed (its checksum does not hold).
    Damaged,
    /// Intact, but made by another version of the content or of the format.
    OtherVersion,
    /// A share link whose payload is not a code at all.
    NotCode,
}

impl Refusal {
    pub const ALL: [Refusal; 3] = [Refusal::Damaged, Refusal::OtherVersion, Refusal::NotCode];

    pub fn text(self) -> Text {
        match self {
            Refusal::Damaged => ui::DEBRIEF_REASON_DAMAGED,
            Refusal::OtherVersion => ui::DEBRIEF_REASON_OTHER_VERSION,
            Refusal::NotCode => ui::DEBRIEF_REASON_NOT_CODE,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Refusal::Damaged => "damaged",
            Refusal::OtherVersion => "other_version",
            Refusal::NotCode => "not_code",
        }
    }
}

/// A code that was refused or repeated, where the trainer can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// Line of the pasted text, from 1.
    pub line: usize,
    /// The start of the code as pasted, to recognise it.
    pub excerpt: String,
    pub kind: FlagKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagKind {
    Refused(Refusal),
    /// The same code as the one on this line, counted once.
    RepeatOf(usize),
}

/// Where an item stands across the group: `[not started, in progress, in place, not rated]`.
pub type ItemCounts = [u32; 4];
/// Answers to a question across the group: `[right, wrong, not answered]`.
pub type QuestionCounts = [u32; 3];

/// The group's figures, from the codes read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Debrief {
    /// Codes counted: one per learner (repeats and refused codes are not).
    pub learners: u32,
    /// Codes refused, by reason (in `Refusal::ALL` order).
    pub refused: [u32; 3],
    /// Exact repeats of a code already counted.
    pub repeats: u32,
    /// Codes found after `MAX_CODES`, not read.
    pub beyond_limit: u32,
    /// Refused and repeated codes, in the order met (`MAX_LISTED` at most).
    pub flags: Vec<Flag>,
    /// Per checklist item, in content order (every checklist's items in turn).
    pub items: Vec<ItemCounts>,
    /// Per question, in content order.
    pub questions: Vec<QuestionCounts>,
    /// Per framework screen, in content order: how many learners opened it.
    pub screens: Vec<u32>,
    /// The codes counted, each once, in the order met: what a kept debrief stores (never the
    /// pasted text, which may hold names and messages).
    pub codes: Vec<String>,
}

/// What reading a paste gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The text is longer than `MAX_TEXT`: nothing was read.
    TooLong(usize),
    /// Not one code, nor share link, in the text.
    NoCode,
    Read(Debrief),
}

/// One candidate found in the text.
struct Found<'a> {
    line: usize,
    text: &'a str,
    /// A `#share=` whose payload does not start like a code.
    not_code: bool,
}

fn is_code_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// Does `s` at `i` start a code: `R`, digits, `.`, after a character that cannot be part of a
/// word or a code?
fn starts_code(s: &[u8], i: usize) -> bool {
    if s[i] != b'R' || (i > 0 && is_code_char(s[i - 1])) {
        return false;
    }
    let digits = s[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && s.get(i + 1 + digits) == Some(&b'.')
}

/// The end of the run of code characters from `i`, without the final dots (a sentence's end).
fn code_end(s: &[u8], i: usize) -> usize {
    let mut end = i + s[i..].iter().take_while(|&&b| is_code_char(b)).count();
    while end > i && s[end - 1] == b'.' {
        end -= 1;
    }
    end
}

/// Every code and share link in the text, in order, in one pass.
fn find(text: &str) -> Vec<Found<'_>> {
    const SHARE: &[u8] = b"#share=";
    let s = text.as_bytes();
    let mut out = vec![];
    let (mut i, mut line) = (0, 1);
    while i < s.len() {
        match s[i] {
            b'\n' => line += 1,
            b'#' if s[i..].starts_with(SHARE) => {
                let start = i + SHARE.len();
                if start >= s.len() || !starts_code(s, start) {
                    let end = code_end(s, start);
                    out.push(Found {
                        line,
                        text: &text[start..end],
                        not_code: true,
                    });
                    i = end.max(start);
                    continue;
                }
                // A code: read below, from its `R`.
                i = start;
                continue;
            }
            b'R' if starts_code(s, i) => {
                let end = code_end(s, i);
                out.push(Found {
                    line,
                    text: &text[i..end],
                    not_code: false,
                });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The first characters of a code, to show it (codes are ASCII; a refused one may not be).
fn excerpt(s: &str) -> String {
    let mut e: String = s.chars().take(24).collect();
    if s.chars().nth(24).is_some() {
        e.push('…');
    }
    e
}

/// Reads the pasted text: finds the codes, checks each, counts each learner once.
pub fn read(text: &str) -> Outcome {
    if text.len() > MAX_TEXT {
        return Outcome::TooLong(text.len());
    }
    let found = find(text);
    if found.is_empty() {
        return Outcome::NoCode;
    }
    let mut d = Debrief {
        items: vec![[0; 4]; codec::item_count()],
        questions: vec![[0; 3]; QUESTIONS.len()],
        screens: vec![0; framework_routes().count()],
        ..Debrief::default()
    };
    // Code → line where it was first counted.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (n, f) in found.iter().enumerate() {
        if n >= MAX_CODES {
            d.beyond_limit = (found.len() - MAX_CODES) as u32;
            break;
        }
        let refusal = if f.not_code {
            Err(Refusal::NotCode)
        } else if let Some(&first) = seen.get(f.text) {
            d.repeats += 1;
            flag(&mut d, f, FlagKind::RepeatOf(first));
            continue;
        } else {
            count(&mut d, f.text)
        };
        match refusal {
            Ok(()) => {
                seen.insert(f.text, f.line);
                d.learners += 1;
                d.codes.push(f.text.to_string());
            }
            Err(r) => {
                d.refused[r as usize] += 1;
                flag(&mut d, f, FlagKind::Refused(r));
            }
        }
    }
    Outcome::Read(d)
}

/// Notes a refused or repeated code, while the list is short enough to show.
fn flag(d: &mut Debrief, f: &Found, kind: FlagKind) {
    if d.flags.len() < MAX_LISTED {
        d.flags.push(Flag {
            line: f.line,
            excerpt: excerpt(f.text),
            kind,
        });
    }
}

/// Checks one code and adds it to the counts; a refused code changes nothing.
fn count(d: &mut Debrief, code: &str) -> Result<(), Refusal> {
    let fields = codec::fields(code).map_err(|e| match e {
        CodecError::OtherContent => Refusal::OtherVersion,
        CodecError::TooLong | CodecError::Malformed | CodecError::Tampered => Refusal::Damaged,
    })?;
    // Every character checked before any is counted.
    let rating = |c: u8| match c {
        b'-' => Some(3),
        b'0'..=b'9' if c - b'0' < RATINGS => Some((c - b'0') as usize),
        _ => None,
    };
    let answer = |q: &Question, c: u8| match c {
        b'-' => Some(2),
        b'0'..=b'9' if ((c - b'0') as usize) < q.choices.len() => {
            Some(if c - b'0' == q.answer { 0 } else { 1 })
        }
        _ => None,
    };
    let ok = fields.ratings.iter().all(|&c| rating(c).is_some())
        && QUESTIONS
            .iter()
            .zip(fields.answers)
            .all(|(q, &c)| answer(q, c).is_some())
        && fields.visited.iter().all(|&c| c == b'0' || c == b'1');
    if !ok {
        return Err(Refusal::Damaged);
    }
    for (counts, &c) in d.items.iter_mut().zip(fields.ratings) {
        counts[rating(c).unwrap_or(3)] += 1;
    }
    for ((counts, q), &c) in d.questions.iter_mut().zip(QUESTIONS).zip(fields.answers) {
        counts[answer(q, c).unwrap_or(2)] += 1;
    }
    for (n, &c) in d.screens.iter_mut().zip(fields.visited) {
        *n += (c == b'1') as u32;
    }
    Ok(())
}

/// A checklist item with its place in `Debrief::items`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemRef {
    pub framework: &'static Framework,
    pub item: &'static Item,
    pub index: usize,
}

/// Each checklist with its items, in content order, indexed as in `Debrief::items`.
pub fn checklist_items() -> Vec<(&'static Framework, Vec<ItemRef>)> {
    let mut index = 0;
    checklists()
        .map(|f| {
            let items = f
                .items
                .iter()
                .map(|item| {
                    index += 1;
                    ItemRef {
                        framework: f,
                        item,
                        index: index - 1,
                    }
                })
                .collect();
            (f, items)
        })
        .collect()
}

/// Items the group rates lowest first: by the mean rating of those who rated it (not started 0,
/// in progress 1, in place 2); items nobody rated come last; ties keep content order.
pub fn lowest_first(d: &Debrief, items: &mut [ItemRef]) {
    let key = |r: &ItemRef| {
        let c = d.items[r.index];
        let rated = (c[0] + c[1] + c[2]) as u64;
        (rated, (c[1] + 2 * c[2]) as u64)
    };
    items.sort_by(|a, b| {
        let ((ra, sa), (rb, sb)) = (key(a), key(b));
        (ra == 0).cmp(&(rb == 0)).then((sa * rb).cmp(&(sb * ra)))
    });
}

/// Question indices, most missed first: by the share of right answers among those who answered;
/// questions nobody answered come last; ties: more wrong answers first, then content order.
pub fn most_missed_first(d: &Debrief) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.questions.len()).collect();
    order.sort_by(|&a, &b| {
        let ([ra, wa, _], [rb, wb, _]) = (d.questions[a], d.questions[b]);
        let (na, nb) = ((ra + wa) as u64, (rb + wb) as u64);
        (na == 0)
            .cmp(&(nb == 0))
            .then((ra as u64 * nb).cmp(&(rb as u64 * na)))
            .then(wb.cmp(&wa))
    });
    order
}

/// A whole percentage of `part` in `whole` (0 when `whole` is 0), rounded half up.
pub fn pct(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as u64 * 200 + whole as u64) / (2 * whole as u64)) as u32
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The measures of an item and of a question, as the exports name them.
pub const ITEM_MEASURES: [&str; 4] = ["not_started", "in_progress", "in_place", "not_rated"];
pub const QUESTION_MEASURES: [&str; 3] = ["right", "wrong", "not_answered"];

/// The debrief as CSV: one figure per line (`section,id,label,measure,value`), so that a
/// spreadsheet can filter and pivot it. Labels in `lang`; the same figures as `to_json`.
pub fn to_csv(d: &Debrief, lang: Lang) -> String {
    let mut out = String::from("section,id,label,measure,value\n");
    let mut row = |section: &str, id: &str, label: &str, measure: &str, value: u32| {
        out.push_str(&format!(
            "{section},{},{},{measure},{value}\n",
            csv_field(id),
            csv_field(label)
        ));
    };
    row("codes", "", "", "learners", d.learners);
    row("codes", "", "", "repeats", d.repeats);
    for r in Refusal::ALL {
        row(
            "codes",
            "",
            "",
            &format!("refused_{}", r.code()),
            d.refused[r as usize],
        );
    }
    row("codes", "", "", "beyond_limit", d.beyond_limit);
    for (_, items) in checklist_items() {
        for r in items {
            let id = super::item_key(r.framework.id, r.item.id);
            for (m, v) in ITEM_MEASURES.iter().zip(d.items[r.index]) {
                row("checklist", &id, r.item.name.get(lang), m, v);
            }
        }
    }
    for (q, counts) in QUESTIONS.iter().zip(&d.questions) {
        for (m, v) in QUESTION_MEASURES.iter().zip(counts) {
            row("quiz", q.id, q.prompt.get(lang), m, *v);
        }
    }
    for ((f, r), v) in FRAMEWORKS.iter().zip(framework_routes()).zip(&d.screens) {
        row("screens", &r.path(), f.short.get(lang), "visited", *v);
    }
    out
}

/// The debrief as JSON, with the same figures as `to_csv`.
pub fn to_json(d: &Debrief, lang: Lang) -> String {
    let s = |v: &str| Json::Str(v.to_string());
    let n = |v: u32| Json::Int(v as i64);
    let obj = |v: Vec<(&str, Json)>| Json::Obj(v.into_iter().map(|(k, v)| (k.into(), v)).collect());
    let refused = obj(Refusal::ALL
        .iter()
        .map(|r| (r.code(), n(d.refused[*r as usize])))
        .collect());
    let lists = checklist_items()
        .into_iter()
        .map(|(f, items)| {
            let items = items
                .iter()
                .map(|r| {
                    let mut fields =
                        vec![("id", s(r.item.id)), ("label", s(r.item.name.get(lang)))];
                    fields.extend(
                        ITEM_MEASURES
                            .iter()
                            .zip(d.items[r.index])
                            .map(|(m, v)| (*m, n(v))),
                    );
                    obj(fields)
                })
                .collect();
            obj(vec![
                ("id", s(f.id)),
                ("title", s(f.title.get(lang))),
                ("items", Json::Arr(items)),
            ])
        })
        .collect();
    let quiz = QUESTIONS
        .iter()
        .zip(&d.questions)
        .map(|(q, c)| {
            let mut fields = vec![("id", s(q.id)), ("label", s(q.prompt.get(lang)))];
            fields.extend(QUESTION_MEASURES.iter().zip(c).map(|(m, v)| (*m, n(*v))));
            obj(fields)
        })
        .collect();
    let screens = FRAMEWORKS
        .iter()
        .zip(framework_routes())
        .zip(&d.screens)
        .map(|((f, r), v)| {
            obj(vec![
                ("id", s(&r.path())),
                ("label", s(f.short.get(lang))),
                ("visited", n(*v)),
            ])
        })
        .collect();
    obj(vec![
        ("format", s("reperes-debrief")),
        ("version", n(1)),
        ("lang", s(lang.code())),
        (
            "codes",
            obj(vec![
                ("learners", n(d.learners)),
                ("repeats", n(d.repeats)),
                ("refused", refused),
                ("beyond_limit", n(d.beyond_limit)),
            ]),
        ),
        ("checklists", Json::Arr(lists)),
        ("quiz", Json::Arr(quiz)),
        ("screens", Json::Arr(screens)),
    ])
    .text()
}

/// What a kept debrief stores: its version and the codes counted (not the pasted text).
pub fn save(codes: &[String]) -> String {
    Json::Obj(vec![
        ("v".into(), Json::Int(SAVE_VERSION as i64)),
        (
            "codes".into(),
            Json::Arr(codes.iter().map(|c| Json::Str(c.clone())).collect()),
        ),
    ])
    .text()
}

/// The codes of a kept debrief, one per line, ready for `read`; `None` when the stored text is
/// not a debrief of this version.
pub fn load(raw: &str) -> Option<String> {
    if raw.len() > MAX_TEXT {
        return None;
    }
    let v = Json::parse(raw)?;
    if v.get("v")?.as_u64()? != SAVE_VERSION {
        return None;
    }
    let codes = v.get("codes")?.as_array()?;
    let mut out = String::new();
    for c in codes {
        out.push_str(c.as_str()?);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{item_key, Progress};

    fn read_ok(text: &str) -> Debrief {
        match read(text) {
            Outcome::Read(d) => d,
            other => panic!("{other:?}"),
        }
    }

    /// A learner who rated the first items of the first checklist, answered the first
    /// questions, and opened the first screens.
    fn learner(ratings: &[u8], answers: &[u8], visited: usize) -> Progress {
        let mut p = Progress::default();
        let items = checklist_items();
        for (r, &v) in items[0].1.iter().zip(ratings) {
            p.ratings.insert(item_key(r.framework.id, r.item.id), v);
        }
        for (q, &a) in QUESTIONS.iter().zip(answers) {
            p.answers.insert(q.id.into(), a);
        }
        for r in framework_routes().take(visited) {
            p.visited.insert(r.path());
        }
        p
    }

    fn wrong(q: &Question) -> u8 {
        (q.answer + 1) % q.choices.len() as u8
    }

    fn three() -> [String; 3] {
        let (q0, q1) = (&QUESTIONS[0], &QUESTIONS[1]);
        [
            codec::encode(&learner(&[2, 0, 1], &[q0.answer, q1.answer], 3)),
            codec::encode(&learner(&[2, 1], &[q0.answer, wrong(q1)], 1)),
            codec::encode(&learner(&[0], &[wrong(q0)], 0)),
        ]
    }

    #[test]
    fn counts_per_item_question_and_screen() {
        let d = read_ok(&three().join("\n"));
        assert_eq!(d.learners, 3);
        assert_eq!((d.refused, d.repeats, d.flags.len()), ([0; 3], 0, 0));
        // item 0: in place, in place, not started; item 1: not started, in progress, unrated;
        // item 2: in progress and two unrated; the rest unrated by all.
        assert_eq!(d.items[0], [1, 0, 2, 0]);
        assert_eq!(d.items[1], [1, 1, 0, 1]);
        assert_eq!(d.items[2], [0, 1, 0, 2]);
        assert_eq!(d.items[3], [0, 0, 0, 3]);
        assert!(d.items.iter().all(|c| c.iter().sum::<u32>() == 3));
        assert_eq!(d.questions[0], [2, 1, 0]);
        assert_eq!(d.questions[1], [1, 1, 1]);
        assert_eq!(d.questions[2], [0, 0, 3]);
        assert_eq!(&d.screens[..4], &[2, 1, 1, 0]);
        assert_eq!(d.codes, three().to_vec());
    }

    #[test]
    fn orders_lowest_rated_and_most_missed_first() {
        let d = read_ok(&three().join("\n"));
        let mut items = checklist_items().remove(0).1;
        lowest_first(&d, &mut items);
        // means: item0 4/3, item1 1/2, item2 1/1; the rest unrated, last, in content order
        let order: Vec<usize> = items.iter().map(|r| r.index).collect();
        assert_eq!(&order[..4], &[1, 2, 0, 3]);
        let q = most_missed_first(&d);
        // q1 1/2 right, q0 2/3 right; the unanswered ones last, in content order
        assert_eq!(&q[..3], &[1, 0, 2]);
        assert_eq!(q.len(), QUESTIONS.len());
        assert_eq!(
            (pct(2, 3), pct(1, 2), pct(0, 0), pct(1, 3)),
            (67, 50, 0, 33)
        );
    }

    #[test]
    fn codes_are_found_in_chat_text_and_share_links() {
        let [a, b, c] = three();
        let text = format!(
            "[09:12] Alice: voilà https://example.org/reperes/#share={a}&utm=x\n\
             [09:13] Bob: mon code ({b}).\n\
             Chloé — {c}. Merci !\nRien ici : R2D2, FR1.5, #partage"
        );
        let d = read_ok(&text);
        assert_eq!(d.learners, 3, "{:?}", d.flags);
        assert_eq!(d.codes, vec![a, b, c]);
        assert_eq!(d.refused, [0; 3]);
    }

    #[test]
    fn refusals_by_reason_never_change_the_counts() {
        let [a, b, c] = three();
        let base = read_ok(&format!("{a}\n{b}\n{c}"));
        // A flipped character: the checksum no longer holds.
        let i = a.find('.').unwrap() + 1;
        let flipped = format!(
            "{}{}{}",
            &a[..i],
            if &a[i..=i] == "2" { "1" } else { "2" },
            &a[i + 1..]
        );
        // Intact, for content with one item fewer.
        let body = a.rsplit_once('.').unwrap().0.replacen(".2", ".", 1);
        let sum = {
            // the checksum as the codec makes it
            let mut h: u32 = 0x811c_9dc5;
            for x in body.bytes() {
                h ^= x as u32;
                h = h.wrapping_mul(0x0100_0193);
            }
            format!("{h:08x}")
        };
        let older = format!("{body}.{sum}");
        let cut = &b[..b.len() - 3];
        let text = format!(
            "{a}\n{flipped}\nhttps://x/#share={older}\n{b}\n{cut}\nhttps://x/#share=hello\n{c}\n#share=\nR1.\n"
        );
        let d = read_ok(&text);
        assert_eq!(d.learners, 3);
        assert_eq!(d.refused, [3, 1, 2], "{:?}", d.flags);
        assert_eq!(
            (&d.items, &d.questions, &d.screens),
            (&base.items, &base.questions, &base.screens)
        );
        let kinds: Vec<(usize, FlagKind)> = d.flags.iter().map(|f| (f.line, f.kind)).collect();
        assert_eq!(
            kinds,
            [
                (2, FlagKind::Refused(Refusal::Damaged)),
                (3, FlagKind::Refused(Refusal::OtherVersion)),
                (5, FlagKind::Refused(Refusal::Damaged)),
                (6, FlagKind::Refused(Refusal::NotCode)),
                (8, FlagKind::Refused(Refusal::NotCode)),
                (9, FlagKind::Refused(Refusal::Damaged)),
            ]
        );
        assert!(d.flags[0].excerpt.ends_with('…') && d.flags[0].excerpt.chars().count() == 25);
        // A code from another version of the format.
        let d = read_ok(&a.replacen("R1.", "R7.", 1));
        assert_eq!((d.learners, d.refused), (0, [0, 1, 0]));
    }

    #[test]
    fn exact_repeats_are_counted_once_and_flagged() {
        let [a, b, _] = three();
        let d = read_ok(&format!("{a}\n{b}\n{a}\nagain: {a}"));
        assert_eq!((d.learners, d.repeats), (2, 2));
        assert_eq!(d.items[0], [0, 0, 2, 0]);
        let kinds: Vec<_> = d.flags.iter().map(|f| (f.line, f.kind)).collect();
        assert_eq!(
            kinds,
            [(3, FlagKind::RepeatOf(1)), (4, FlagKind::RepeatOf(1))]
        );
        assert_eq!(d.codes, vec![a, b]);
    }

    #[test]
    fn no_code_and_too_long_are_said_not_read() {
        assert_eq!(read(""), Outcome::NoCode);
        assert_eq!(
            read("Bonjour à tous, voici le compte rendu. R2-D2 Rue R. 12"),
            Outcome::NoCode
        );
        let mb = "lorem ipsum dolor sit amet, ".repeat(40_000); // about 1 MB, no code
        assert!(mb.len() > 1_000_000);
        assert_eq!(read(&mb), Outcome::NoCode);
        let huge = "x".repeat(MAX_TEXT + 1);
        assert_eq!(read(&huge), Outcome::TooLong(MAX_TEXT + 1));
        // One endless code is one damaged code, read in one pass.
        let endless = format!("R1.{}", "0".repeat(900_000));
        let d = read_ok(&endless);
        assert_eq!((d.learners, d.refused), (0, [1, 0, 0]));
        assert!(d.flags[0].excerpt.len() < 40);
    }

    #[test]
    fn scale_500_codes_and_the_limit() {
        let codes: Vec<String> = (0..500)
            .map(|i| {
                let q = &QUESTIONS[0];
                let a = if i % 4 == 0 { q.answer } else { wrong(q) };
                codec::encode(&learner(&[(i % 3) as u8], &[a], i % 5))
            })
            .collect();
        let d = read_ok(&codes.join("\n"));
        // Few distinct results exist: the rest are exact repeats.
        let distinct = codes
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len() as u32;
        assert!((20..500).contains(&distinct), "{distinct}");
        assert_eq!(d.learners + d.repeats, 500);
        assert_eq!(d.learners, distinct);
        assert_eq!(d.flags.len(), MAX_LISTED);
        assert_eq!(d.items[0].iter().sum::<u32>(), distinct);
        assert_eq!(d.questions[0].iter().sum::<u32>(), distinct);
        // Beyond MAX_CODES, the rest is left out and counted.
        let many = vec![codes[0].as_str(); MAX_CODES + 7].join(" ");
        let d = read_ok(&many);
        assert_eq!(
            (d.learners, d.repeats, d.beyond_limit),
            (1, MAX_CODES as u32 - 1, 7)
        );
    }

    #[test]
    fn exports_hold_the_same_figures() {
        let d = read_ok(&three().join("\n"));
        let csv = to_csv(&d, Lang::En);
        let json = Json::parse(&to_json(&d, Lang::En)).unwrap();
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("section,id,label,measure,value"));
        assert!(csv.contains("codes,,,learners,3\n"));
        let first = &checklist_items()[0].1[0];
        let first_key = item_key(first.framework.id, first.item.id);
        assert!(csv.contains(&format!("{first_key},")));
        // Every CSV figure is in the JSON, at the same value.
        let mut checked = 0;
        for line in csv.lines().skip(1) {
            let cells: Vec<&str> = line.rsplitn(3, ',').collect();
            let (value, measure) = (cells[0].parse::<i64>().unwrap(), cells[1]);
            let section = line.split(',').next().unwrap();
            let id = line.split(',').nth(1).unwrap();
            let found = match section {
                "codes" => {
                    let c = json.get("codes").unwrap();
                    match measure.strip_prefix("refused_") {
                        Some(r) => c.get("refused").unwrap().get(r).cloned(),
                        None => c.get(measure).cloned(),
                    }
                }
                "checklist" => {
                    let (f, i) = id.split_once('/').unwrap();
                    json.get("checklists")
                        .unwrap()
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|l| l.get("id").and_then(Json::as_str) == Some(f))
                        .and_then(|l| {
                            l.get("items")
                                .unwrap()
                                .as_array()
                                .unwrap()
                                .iter()
                                .find(|x| x.get("id").and_then(Json::as_str) == Some(i))
                        })
                        .and_then(|x| x.get(measure).cloned())
                }
                s @ ("quiz" | "screens") => json
                    .get(s)
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x.get("id").and_then(Json::as_str) == Some(id))
                    .and_then(|x| x.get(measure).cloned()),
                other => panic!("{other}"),
            };
            assert_eq!(found, Some(Json::Int(value)), "{line}");
            checked += 1;
        }
        let expected = 6 + 4 * codec::item_count() + 3 * QUESTIONS.len() + FRAMEWORKS.len();
        assert_eq!(checked, expected);
        // Labels with commas or quotes stay one cell.
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
    }

    #[test]
    fn a_kept_debrief_holds_the_codes_only_and_its_version() {
        let codes = three().to_vec();
        let raw = save(&codes);
        assert!(raw.contains("\"v\":1"));
        let text = load(&raw).unwrap();
        assert_eq!(read_ok(&text), read_ok(&codes.join("\n")));
        for bad in [
            "",
            "{",
            "{\"v\":2,\"codes\":[]}",
            "{\"v\":1,\"codes\":[1]}",
            "[]",
        ] {
            assert_eq!(load(bad), None, "{bad}");
        }
    }
}
