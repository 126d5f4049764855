// The one definition of the content model.
//
// This file is included twice, each time after a `schema!` macro that decides the field types:
// - by `build.rs`, where `Str` is `String` and `List<T>` is `Vec<T>`, with serde to read the TOML
//   files in `content/` and a code generator that writes them out as Rust data;
// - by `src/content.rs`, where `Str` is `&'static str` and `List<T>` is `&'static [T]`, so the app
//   reads its content from static data compiled into the wasm, with no parsing at run time.
//
// `Text` (a French and an English string) is defined beside each include, not here, because the
// build side checks that neither language is empty.

schema! {
    /// One of the five source articles.
    pub struct Article {
        /// Short id used by frameworks (`a000` … `a004`).
        pub id: Str,
        /// The small drawing that marks its family of frameworks in menus and on the home
        /// screen: a name `components::icon` draws (`layers`, `cycle`, `pillars`, `spark`,
        /// `people`).
        pub icon: Str,
        pub title: Text,
        /// Who wrote or said it.
        pub author: Text,
        /// Where it was published or given.
        pub outlet: Text,
        /// Year of publication when the article gives one.
        pub year: Option<Date>,
        /// One or two sentences on what the article is about.
        pub about: Text,
    }

    /// A year, flagged when the article only gives an approximation ("about ten years ago").
    pub struct Date {
        pub year: i32,
        pub approx: bool,
    }

    /// A framework: one screen of the app, with its own URL `/<id>`.
    pub struct Framework {
        /// URL slug, for example `usages`.
        pub id: Str,
        /// Id of the source article.
        pub article: Str,
        /// Short name for menus.
        pub short: Text,
        pub title: Text,
        /// What the framework says, in two or three sentences.
        pub lead: Text,
        /// The numbered or named parts of the framework (the six shifts, the four principles…).
        pub items: List<Item>,
        /// Further sections of the screen.
        pub blocks: List<Block>,
        /// Set when the article refers to a figure that is not in the text: says it is not reproduced.
        pub figure_note: Option<Text>,
        /// True when the learner can rate each item (every item then has a question).
        pub checklist: bool,
    }

    /// One part of a framework.
    pub struct Item {
        /// Stable id, unique in its framework (kept in saved progress).
        pub id: Str,
        pub name: Text,
        pub text: Text,
        /// For checklists: a question to ask about one's own organisation.
        pub question: Option<Text>,
    }

    /// A titled section of a framework screen, with optional bullet points.
    pub struct Block {
        pub heading: Text,
        pub text: Text,
        pub points: List<Text>,
    }

    /// One of the three digital phases.
    pub struct Phase {
        /// URL slug: `solomo`, `blolmexr`, `clodaml`.
        pub id: Str,
        /// The acronym, the same in both languages.
        pub name: Str,
        /// What the acronym stands for.
        pub expansion: Text,
        pub summary: Text,
        /// When it began; `None` where the article gives no start.
        pub start: Option<Date>,
        /// When it ends or matures; `None` while it is open-ended.
        pub end: Option<Date>,
        /// True when the phase runs on past today with no end in sight.
        pub ongoing: bool,
        /// The period in words ("from the early 2000s to its peak with COVID").
        pub period: Text,
        /// `delivered`, `maturing` or `ongoing`.
        pub status_kind: Str,
        pub status: Text,
        /// `public`, `vendors` or `infrastructure`.
        pub touches_kind: Str,
        pub touches: Text,
        /// Exactly three components.
        pub components: List<Component>,
    }

    /// A component of a phase, with the examples the article gives.
    pub struct Component {
        pub name: Text,
        pub examples: Option<Text>,
    }

    /// A dated fact on the chronology.
    pub struct Event {
        pub id: Str,
        pub date: Date,
        pub label: Text,
        /// Id of the framework screen this fact belongs to (or `phases`).
        pub framework: Str,
    }

    /// A knowledge-check question.
    pub struct Question {
        pub id: Str,
        /// The framework it tests; its screen teaches the answer.
        pub framework: Str,
        pub prompt: Text,
        pub choices: List<Text>,
        /// Index of the right choice.
        pub answer: u8,
        /// Why that answer is right.
        pub explain: Text,
    }
}
