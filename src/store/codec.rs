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

/// Reads a text made by `encode`: ratings, answers and visited screens (no settings, no notes).
pub fn decode(s: &str) -> Result<Progress, CodecError> {
    if s.len() > MAX_LEN {
        return Err(CodecError::TooLong);
    }
    let (body, sum) = s.rsplit_once('.').ok_or(CodecError::Malformed)?;
    let parts: Vec<&str> = body.split('.').collect();
    let [TAG, ratings, answers, visited] = parts.as_slice() else {
        return Err(CodecError::Malformed);
    };
    let n_items: usize = checklists().map(|f| f.items.len()).sum();
    if ratings.len() != n_items
        || answers.len() != QUESTIONS.len()
        || visited.len() != framework_routes().count()
    {
        return Err(CodecError::Malformed);
    }
    if checksum(body) != sum {
        return Err(CodecError::Tampered);
    }
    let read = |c: u8, max: usize| -> Result<Option<u8>, CodecError> {
        match c {
            b'-' => Ok(None),
            b'0'..=b'9' if ((c - b'0') as usize) < max => Ok(Some(c - b'0')),
            _ => Err(CodecError::Malformed),
        }
    };
    let mut p = Progress::default();
    let items = checklists().flat_map(|f| f.items.iter().map(move |i| item_key(f.id, i.id)));
    for (key, c) in items.zip(ratings.bytes()) {
        if let Some(r) = read(c, RATINGS as usize)? {
            p.ratings.insert(key, r);
        }
    }
    for (q, c) in QUESTIONS.iter().zip(answers.bytes()) {
        if let Some(a) = read(c, q.choices.len())? {
            p.answers.insert(q.id.to_string(), a);
        }
    }
    for (r, c) in framework_routes().zip(visited.bytes()) {
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
