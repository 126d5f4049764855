//! A compact text form of the learner's results, used by share links (`#share=…`) and by SCORM's
//! `cmi.suspend_data` (4096 characters at most).
//!
//! `R1.<ratings>.<answers>.<visited>.<checksum>`: one character per checklist item (`0`–`2`, `-`
//! unrated), per question (choice index, `-` unanswered) and per framework screen (`1` visited,
//! `0` not), in content order, then an FNV-1a checksum in hex. Its length depends only on the
//! content, so the worst case is known (tested below). Share links carry no notes: they are private.
//!
//! The LMS's suspend data ([`encode_suspend`]) is that code, then `|` and the learner's notes as a
//! JSON object, so that they follow the learner to another computer. The rule when they would not
//! all fit in the LMS's limit: each note goes whole or not at all, in checklist order; a note that
//! would take the text past the limit stays in this browser only (and the app says how many did).

use super::{item_key, json::Json, Progress, RATINGS};
use crate::content::{checklists, QUESTIONS};
use crate::route::framework_routes;

const TAG: &str = "R1";
/// Anything longer is refused before it is read.
pub const MAX_LEN: usize = 1024;

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum CodecError {
    TooLong,
    /// Not our format, cut short, or made for other content.
    Malformed,
    /// The text was changed after it was made.
    Tampered,
    /// Intact (its checksum holds), but made for other content: another version of the app,
    /// whose checklists, questions or screens differ from these.
    OtherContent,
}

/// A code's three fields, checked against this content: one ASCII character per item, question
/// and framework screen, in content order (digits not yet range-checked).
pub struct Fields<'a> {
    pub ratings: &'a [u8],
    pub answers: &'a [u8],
    pub visited: &'a [u8],
}

fn checksum(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

fn digit(v: Option<u8>) -> char {
    v.map_or('-', |d| char::from(b'0' + d))
}

pub fn encode(p: &Progress) -> String {
    let ratings: String = checklists()
        .flat_map(|f| f.items.iter().map(move |i| digit(p.rating(f.id, i.id))))
        .collect();
    let answers: String = QUESTIONS
        .iter()
        .map(|q| digit(p.answers.get(q.id).copied()))
        .collect();
    let visited: String = framework_routes()
        .map(|r| {
            if p.visited.contains(&r.path()) {
                '1'
            } else {
                '0'
            }
        })
        .collect();
    let body = format!("{TAG}.{ratings}.{answers}.{visited}");
    let sum = checksum(&body);
    format!("{body}.{sum}")
}

/// Splits a code into its fields. The checksum is checked before the lengths, so that a code
/// made for other content (intact, other lengths) is told apart from a damaged one; a tag other
/// than ours (`R2.…`) is another version of the format.
pub fn fields(s: &str) -> Result<Fields<'_>, CodecError> {
    if s.len() > MAX_LEN {
        return Err(CodecError::TooLong);
    }
    let (body, sum) = s.rsplit_once('.').ok_or(CodecError::Malformed)?;
    let mut parts = body.split('.');
    let (Some(tag), Some(ratings), Some(answers), Some(visited), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(CodecError::Malformed);
    };
    if tag != TAG {
        let other_tag =
            tag.len() > 1 && tag.starts_with('R') && tag[1..].bytes().all(|b| b.is_ascii_digit());
        return Err(if other_tag {
            CodecError::OtherContent
        } else {
            CodecError::Malformed
        });
    }
    if checksum(body) != sum {
        return Err(CodecError::Tampered);
    }
    if ratings.len() != item_count()
        || answers.len() != QUESTIONS.len()
        || visited.len() != framework_routes().count()
    {
        return Err(CodecError::OtherContent);
    }
    Ok(Fields {
        ratings: ratings.as_bytes(),
        answers: answers.as_bytes(),
        visited: visited.as_bytes(),
    })
}

/// How many checklist items the content has: one character each in a code.
pub fn item_count() -> usize {
    checklists().map(|f| f.items.len()).sum()
}

/// Reads a text made by `encode`: ratings, answers and visited screens (no settings, no notes).
pub fn decode(s: &str) -> Result<Progress, CodecError> {
    let Fields {
        ratings,
        answers,
        visited,
    } = fields(s)?;
    let read = |c: u8, max: usize| -> Result<Option<u8>, CodecError> {
        match c {
            b'-' => Ok(None),
            b'0'..=b'9' if ((c - b'0') as usize) < max => Ok(Some(c - b'0')),
            _ => Err(CodecError::Malformed),
        }
    };
    let mut p = Progress::default();
    let items = checklists().flat_map(|f| f.items.iter().map(move |i| item_key(f.id, i.id)));
    for (key, &c) in items.zip(ratings) {
        if let Some(r) = read(c, RATINGS as usize)? {
            p.ratings.insert(key, r);
        }
    }
    for (q, &c) in QUESTIONS.iter().zip(answers) {
        if let Some(a) = read(c, q.choices.len())? {
            p.answers.insert(q.id.to_string(), a);
        }
    }
    for (r, &c) in framework_routes().zip(visited) {
        match c {
            b'1' => _ = p.visited.insert(r.path()),
            b'0' => {}
            _ => return Err(CodecError::Malformed),
        }
    }
    Ok(p)
}

/// What goes into an LMS's suspend data, and how many notes were left out to stay within
/// `limit` characters (SCORM counts characters, not bytes).
pub fn encode_suspend(p: &Progress, limit: usize) -> (String, usize) {
    let code = encode(p);
    // In checklist order (the order a reader meets them), not the map's alphabetical order.
    let order = checklists().flat_map(|f| f.items.iter().map(move |i| item_key(f.id, i.id)));
    let mut notes = Vec::new();
    // `code|{}`: the length with no note yet.
    let mut len = code.chars().count() + 3;
    let mut left_out = 0;
    for key in order {
        let Some(note) = p.notes.get(&key).filter(|n| !n.is_empty()) else {
            continue;
        };
        let entry = Json::Obj(vec![(key.clone(), Json::Str(note.clone()))]).text();
        // `{"k":"v"}` minus its braces, plus a comma after the first.
        let cost = entry.chars().count() - 2 + usize::from(!notes.is_empty());
        if len + cost > limit {
            left_out += 1;
            continue;
        }
        len += cost;
        notes.push((key, Json::Str(note.clone())));
    }
    if notes.is_empty() {
        return (code, left_out);
    }
    (format!("{code}|{}", Json::Obj(notes).text()), left_out)
}

/// Reads a suspend data made by [`encode_suspend`] (or by an older version, the code alone):
/// results and notes. Notes for items that no longer exist are dropped, long ones are cut.
pub fn decode_suspend(s: &str) -> Result<Progress, CodecError> {
    let (code, notes) = s.split_once('|').unwrap_or((s, ""));
    let mut p = decode(code)?;
    if notes.is_empty() {
        return Ok(p);
    }
    let Some(Json::Obj(entries)) = Json::parse(notes) else {
        return Err(CodecError::Malformed);
    };
    for (k, v) in entries {
        if let (Some(note), true) = (v.as_str(), super::is_checklist_item(&k)) {
            p.notes
                .insert(k, note.chars().take(super::MAX_NOTE_CHARS).collect());
        }
    }
    Ok(p)
}

/// Puts what the LMS kept into `into`: its results, its visits added to these, and its notes in
/// place of these for the items it has a note for (a note left out for lack of room stays).
pub fn merge_suspend(into: &mut Progress, saved: Progress) {
    let Progress { notes, .. } = saved.clone();
    merge(into, saved);
    into.notes.extend(notes);
}

/// Puts decoded results into `into`, keeping its settings and notes.
pub fn merge(into: &mut Progress, shared: Progress) {
    into.ratings = shared.ratings;
    into.answers = shared.answers;
    into.visited.extend(shared.visited);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item rated, every question answered, every screen visited.
    fn worst_case() -> Progress {
        let mut p = Progress::default();
        for f in checklists() {
            for i in f.items {
                p.ratings.insert(item_key(f.id, i.id), RATINGS - 1);
                p.notes.insert(
                    item_key(f.id, i.id),
                    "x".repeat(super::super::MAX_NOTE_CHARS),
                );
            }
        }
        for q in QUESTIONS {
            p.answers.insert(q.id.into(), q.choices.len() as u8 - 1);
        }
        for r in framework_routes() {
            p.visited.insert(r.path());
        }
        p
    }

    #[test]
    fn round_trip_without_notes() {
        let p = worst_case();
        let mut back = decode(&encode(&p)).unwrap();
        back.notes = p.notes.clone();
        assert_eq!(back, p);
        assert_eq!(
            decode(&encode(&Progress::default())).unwrap(),
            Progress::default()
        );
    }

    #[test]
    fn worst_case_fits_scorm_suspend_data() {
        let s = encode(&worst_case());
        assert!(s.len() < 4096 && s.len() < MAX_LEN, "{} chars", s.len());
        assert!(
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
            "URL-safe"
        );
    }

    #[test]
    fn truncated_is_refused() {
        let s = encode(&worst_case());
        for cut in [1, 5, 9, s.len() / 2, s.len() - 1] {
            assert!(decode(&s[..cut]).is_err(), "cut at {cut}");
        }
        assert_eq!(decode(""), Err(CodecError::Malformed));
    }

    #[test]
    fn tampered_is_refused() {
        let s = encode(&worst_case());
        let i = s.find('.').unwrap() + 1;
        let mut bytes = s.clone().into_bytes();
        bytes[i] = b'0';
        assert_eq!(
            decode(std::str::from_utf8(&bytes).unwrap()),
            Err(CodecError::Tampered)
        );
        // out-of-range digit with a matching checksum is still refused
        let body = s.rsplit_once('.').unwrap().0.replacen(".2", ".7", 1);
        assert_eq!(
            decode(&format!("{body}.{}", checksum(&body))),
            Err(CodecError::Malformed)
        );
    }

    #[test]
    fn a_code_made_for_other_content_is_told_apart_from_a_damaged_one() {
        let s = encode(&worst_case());
        // One checklist item fewer, checksum made again: intact, but for other content.
        let body = s.rsplit_once('.').unwrap().0.replacen(".2", ".", 1);
        assert_eq!(
            decode(&format!("{body}.{}", checksum(&body))),
            Err(CodecError::OtherContent)
        );
        // The same with a wrong checksum: damaged.
        assert_eq!(
            decode(&format!("{body}.{}", &s[s.len() - 8..])),
            Err(CodecError::Tampered)
        );
        // Another version of the format.
        let r2 = s.replacen("R1.", "R2.", 1);
        assert_eq!(decode(&r2), Err(CodecError::OtherContent));
        assert_eq!(
            decode(&s.replacen("R1.", "X1.", 1)),
            Err(CodecError::Malformed)
        );
        assert_eq!(decode("R1.0.0.0.0.0"), Err(CodecError::Malformed));
    }

    #[test]
    fn oversized_is_refused() {
        assert_eq!(decode(&"R".repeat(MAX_LEN + 1)), Err(CodecError::TooLong));
    }

    #[test]
    fn suspend_data_carries_notes_in_full_when_they_fit() {
        let mut p = worst_case();
        // Characters JSON must escape, and some that are not ASCII.
        let tricky = "«\"note\"» \\ \n\u{1}é|.".to_string();
        let first = p.notes.keys().next().unwrap().clone();
        p.notes.insert(first, tricky);
        let (s, left_out) = encode_suspend(&p, 64_000);
        assert_eq!(left_out, 0);
        assert!(s.chars().count() <= 64_000, "{} chars", s.chars().count());
        assert_eq!(decode_suspend(&s).unwrap(), Progress { lang: None, ..p });
        // Without notes, it is the share code alone (what the first SCORM version wrote).
        let bare = Progress {
            notes: Default::default(),
            ..worst_case()
        };
        assert_eq!(encode_suspend(&bare, 4096).0, encode(&bare));
        assert_eq!(decode_suspend(&encode(&bare)).unwrap(), bare);
    }

    #[test]
    fn notes_that_do_not_fit_stay_here_whole_in_checklist_order() {
        let p = worst_case();
        let (s, left_out) = encode_suspend(&p, 4096);
        let n = s.chars().count();
        assert!(n <= 4096, "{n} chars");
        let back = decode_suspend(&s).unwrap();
        assert_eq!(back.notes.len() + left_out, p.notes.len());
        assert!(left_out > 0 && !back.notes.is_empty());
        // Each note is whole, and they are the first ones in checklist order.
        let order: Vec<String> = checklists()
            .flat_map(|f| f.items.iter().map(move |i| item_key(f.id, i.id)))
            .collect();
        for (i, key) in order.iter().enumerate() {
            assert_eq!(
                back.notes.get(key),
                (i < back.notes.len()).then(|| &p.notes[key])
            );
        }
        // A short note later on still goes when a long one before it does not.
        let mut q = p.clone();
        let last = order.last().unwrap();
        q.notes.insert(last.clone(), "court".into());
        let back = decode_suspend(&encode_suspend(&q, 4096).0).unwrap();
        assert_eq!(back.notes.get(last).map(String::as_str), Some("court"));
        // Room for no note at all: the results alone.
        let (s, left_out) = encode_suspend(&p, encode(&p).len() + 10);
        assert_eq!((s, left_out), (encode(&p), p.notes.len()));
    }

    #[test]
    fn suspend_data_from_elsewhere_is_checked() {
        let code = encode(&worst_case());
        assert_eq!(
            decode_suspend(&format!("{code}|not json")),
            Err(CodecError::Malformed)
        );
        assert_eq!(decode_suspend("|{}"), Err(CodecError::Malformed));
        let long = "y".repeat(5000);
        let p = decode_suspend(&format!(
            r#"{code}|{{"nothing/here":"x","{}":"{long}"}}"#,
            worst_case().notes.keys().next().unwrap()
        ))
        .unwrap();
        assert_eq!(p.notes.len(), 1, "unknown item dropped");
        assert_eq!(
            p.notes.values().next().unwrap().chars().count(),
            super::super::MAX_NOTE_CHARS
        );
    }

    #[test]
    fn lms_notes_replace_these_and_leave_the_others() {
        let mut mine = worst_case();
        let keys: Vec<String> = mine.notes.keys().cloned().collect();
        let mut saved = Progress::default();
        saved.notes.insert(keys[0].clone(), "from the LMS".into());
        merge_suspend(&mut mine, saved);
        assert_eq!(mine.notes[&keys[0]], "from the LMS");
        assert_eq!(mine.notes.len(), keys.len(), "notes the LMS lacks stay");
        assert!(mine.ratings.is_empty(), "results are the LMS's");
    }

    #[test]
    fn merge_keeps_settings_and_notes() {
        let mut mine = Progress {
            notes: [("a/b".into(), "n".into())].into(),
            ..Default::default()
        };
        merge(&mut mine, worst_case());
        assert_eq!(mine.notes.len(), 1);
        assert_eq!(mine.ratings.len(), worst_case().ratings.len());
    }
}
