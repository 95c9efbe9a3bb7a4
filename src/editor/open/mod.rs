//! Getting articles into the editor in the background: each [`Loads::start`]
//! reads the given files and folders (or [`Loads::start_samples`] the sample
//! articles embedded in the binary) on a worker (see [`loader`]) and runs
//! the suggestion engines on what it reads — the built-in ones refined by the
//! project's memory, and the project's external engine (combined once, in
//! [`Engines`]). The editor polls for what arrived; `wake` asks the window
//! to repaint when something did.

mod loader;

use std::path::PathBuf;
use std::sync::Arc;

pub use self::loader::Delivered;
use self::loader::{Load, Source};
use crate::suggest::Suggester;
use crate::suggest::engines::Engines;
use crate::suggest::external::ExternalEngine;
use crate::suggest::learned::Model;
use crate::suggest::memory::MemoryEngine;
use crate::suggest::rules::RulesConfig;

/// Asks the window to draw again (so it polls): work finished in the background.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The running loads and the engines the next ones run.
#[derive(Default)]
pub struct Loads {
    /// Each with the number [`Loads::start`] gave it.
    running: Vec<(u64, Load)>,
    /// The number the next load gets.
    next: u64,
    engines: Engines,
    memory: Option<Arc<MemoryEngine>>,
    /// The project's settings of the built-in rules engine (quote classes,
    /// interrupted quotes), kept whichever engines run.
    rules: RulesConfig,
    /// True when the built-in engines are the ones running (see
    /// [`Loads::use_builtin`]), so the project's settings rebuild them.
    builtin: bool,
}

impl Loads {
    /// Sets the built-in suggestion engines run on every document opened from now on.
    pub fn set_engines(&mut self, engines: Vec<Box<dyn Suggester>>) {
        self.builtin = false;
        self.engines = Engines::new(engines).with_classes(self.rules.classes);
    }

    /// Runs the built-in engines set up by `config` on every document opened
    /// from now on (the external engine is set again after this).
    pub fn use_builtin(&mut self, config: RulesConfig) {
        (self.rules, self.builtin) = (config, true);
        self.engines =
            Engines::new(crate::suggest::builtin_with(config)).with_classes(config.classes);
    }

    /// Takes a project's settings of the rules engine (which attribution
    /// classes it suggests, how it writes interrupted quotes) for documents
    /// suggested from now on; they set up the built-in engines when those
    /// are the ones running, and leave other engines as they are. The
    /// memory, external engine and learned model are kept; the external
    /// engine's quotes are kept in the classes chosen.
    pub fn set_rules(&mut self, config: RulesConfig) {
        if config == self.rules {
            return;
        }
        self.rules = config;
        self.engines = self.engines.with_classes(config.classes);
        if self.builtin {
            self.engines = (self.engines).with_builtin(crate::suggest::builtin_with(config));
        }
    }

    /// The project's settings of the rules engine.
    pub fn rules(&self) -> RulesConfig {
        self.rules
    }

    /// Sets the project's external engine (or none) for documents opened from now on.
    pub fn set_external(&mut self, external: Option<ExternalEngine>) {
        self.engines = self.engines.with_external(external);
    }

    /// Sets the project's learned model (or none) for documents opened from
    /// now on; it replaces the rules engine once trusted (see [`Engines::with_learned`]).
    pub fn set_learned(&mut self, model: Option<Arc<Model>>) {
        self.engines = self.engines.with_learned(model);
    }

    /// Sets the project's memory, which refines and adds to every suggestion.
    pub fn set_memory(&mut self, memory: Arc<MemoryEngine>) {
        self.memory = Some(memory);
    }

    /// The engines a document is suggested on: the built-in and external
    /// ones refined by the memory, then the memory.
    pub fn engines(&self) -> Engines {
        match &self.memory {
            Some(memory) => self.engines.with_memory(Arc::clone(memory)),
            None => self.engines.clone(),
        }
    }

    /// Starts reading `paths` (files or folders) in the background; `wake`
    /// is called as files finish. Returns the number of the load, which
    /// comes back with what it delivers.
    pub fn start(&mut self, paths: Vec<PathBuf>, wake: &Wake) -> Option<u64> {
        if paths.is_empty() {
            return None;
        }
        Some(self.begin(Source::Paths(paths), wake))
    }

    /// Starts reading the bundled sample articles (embedded in the binary,
    /// so a first run needs no `samples/` folder); as [`Loads::start`].
    pub fn start_samples(&mut self, wake: &Wake) -> u64 {
        self.begin(Source::Samples, wake)
    }

    fn begin(&mut self, source: Source, wake: &Wake) -> u64 {
        let engines = self.engines();
        let wake = Arc::clone(wake);
        let number = self.next;
        self.next += 1;
        self.running
            .push((number, Load::start(source, engines, move || wake())));
        number
    }

    /// Drops the loads still running (their project was closed).
    pub fn cancel(&mut self) {
        self.running.clear();
    }

    /// Files read so far and files in all, over every running load.
    pub fn progress(&self) -> Option<(usize, usize)> {
        if self.running.is_empty() {
            return None;
        }
        Some(self.running.iter().fold((0, 0), |(d, t), (_, l)| {
            let (ld, lt) = l.progress();
            (d + ld, t + lt)
        }))
    }

    /// Takes in what each load delivered since the last poll, in input order.
    pub fn poll(&mut self) -> Vec<Delivered> {
        let out = (self.running.iter_mut())
            .map(|(number, load)| Delivered {
                load: *number,
                ..load.poll()
            })
            .collect();
        self.running.retain(|(_, l)| !l.finished());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttributionClass, Document};
    use crate::suggest::external::EngineCommand;

    #[test]
    fn the_built_in_engines_suggest_the_projects_quote_classes() {
        let classes = |loads: &Loads| {
            let mut doc =
                Document::new(None, "Ortiz believes the vote in the valley will be close.");
            loads.engines().suggest(&mut doc).unwrap();
            doc.quotes().map(|q| q.class).collect::<Vec<_>>()
        };
        let mut loads = Loads::default();
        loads.use_builtin(RulesConfig::default());
        assert_eq!(classes(&loads), [], "speech and writing by default");
        let all = RulesConfig::ALL_CLASSES;
        loads.set_rules(all);
        assert_eq!(classes(&loads), [AttributionClass::Belief]);
        loads.set_engines(Vec::new());
        loads.set_rules(all);
        assert_eq!(classes(&loads), [], "other engines are left as they are");
    }

    #[test]
    fn the_external_engines_quotes_follow_the_projects_classes() {
        let line = r#"{"spans":[{"start":0,"end":9,"label":"SPEAKER"},{"start":10,"end":18,"label":"CUE"},{"start":19,"end":36,"label":"QUOTE"}],"quotes":[{"content":[2],"speaker":0,"cue":1,"class":"belief"}]}"#;
        let argv = [
            "sh",
            "-c",
            "cat >/dev/null; printf '%s\\n' \"$1\"",
            "fixture",
            line,
        ];
        let external = || {
            let command = EngineCommand::from_argv(argv.map(String::from).into()).unwrap();
            Some(ExternalEngine::new(command))
        };
        let quotes = |loads: &Loads| {
            let mut doc = Document::new(None, "Zoë Ortiz believes the dam will hold.");
            loads.engines().suggest_external(&mut [&mut doc]);
            doc.quotes().count()
        };
        let mut loads = Loads::default();
        loads.use_builtin(RulesConfig::default());
        loads.set_external(external());
        assert_eq!(quotes(&loads), 0, "speech and writing by default");
        loads.set_rules(RulesConfig::ALL_CLASSES);
        assert_eq!(quotes(&loads), 1);
        loads.set_engines(Vec::new());
        loads.set_external(external());
        assert_eq!(
            quotes(&loads),
            1,
            "other built-in engines: the classes stay"
        );
        loads.set_rules(RulesConfig::default());
        assert_eq!(quotes(&loads), 0);
    }
}
