//! The two languages. French is the default; text itself lives in `content/`.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// Which of a plural's two forms a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Other,
}

impl Lang {
    /// The one plural rule of the app. French puts 0 and 1 in the singular ("0 point évalué",
    /// "1 point", "2 points"); English only 1 ("0 points", "1 point", "2 points").
    pub fn plural(self, n: usize) -> PluralForm {
        let one = match self {
            Lang::Fr => n < 2,
            Lang::En => n == 1,
        };
        if one {
            PluralForm::One
        } else {
            PluralForm::Other
        }
    }

    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr` or `en` (any case); anything else is `None`, and callers fall back to French.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_counts_zero_and_one_as_singular_english_only_one() {
        use PluralForm::*;
        let fr: Vec<_> = [0, 1, 2, 6, 100].map(|n| Lang::Fr.plural(n)).into();
        assert_eq!(fr, [One, One, Other, Other, Other]);
        let en: Vec<_> = [0, 1, 2, 6, 100].map(|n| Lang::En.plural(n)).into();
        assert_eq!(en, [Other, One, Other, Other, Other]);
    }

    #[test]
    fn parses_known_codes_only() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
