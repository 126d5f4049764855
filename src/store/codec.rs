//! A compact text form of the learner's results, used by share links (`#share=…`) and by SCORM's
//! `cmi.suspend_data` (4096 characters at most).
//!
//! `R1.<ratings>.<answers>.<visited>.<checksum>`: one character per checklist item (`0`–`2`, `-`
//! unrated), per question (choice index, `-` unanswered) and per framework screen (`1` visited,
//! `0` not), in content order, then an FNV-1a checksum in hex. Its length depends only on the
//! content, so the worst case is known (tested below). Notes are private and stay in the browser.

use super::{item_key, Progress, RATINGS};
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
