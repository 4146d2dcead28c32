//! Long work (imports, analyses, exports) runs on a named thread; the frame polls for the
//! result and the thread asks for a repaint when it is done.

use std::sync::Arc;
use std::sync::mpsc;

use eframe::egui;

use crate::core::progress::Progress;

/// Work running off the UI thread.
pub struct Job<T> {
    /// Numbers the jobs of one kind; a result whose generation is not the newest of its kind
    /// is dropped, so a cancelled or stale job never replaces newer data.
    pub generation: u64,
    /// How far it is, and the switch that cancels it.
    pub progress: Arc<Progress>,
    result: mpsc::Receiver<T>,
}

/// How a job ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    Done(T),
    /// The thread could not start or stopped without a result.
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread called `name`; `ctx` is asked to repaint when it is done.
    pub fn spawn(
        name: &str,
        generation: u64,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (send, result) = mpsc::channel();
        let job_progress = Arc::clone(&progress);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _ = send.send(work(&job_progress));
                ctx.request_repaint();
            });
        if spawned.is_err() {
            // With no thread the receiver reports a disconnect, which `poll` calls lost.
            progress.cancel();
        }
        Self {
            generation,
            progress,
            result,
        }
    }

    /// The outcome, once the work has ended.
    pub fn poll(&self) -> Option<Outcome<T>> {
        match self.result.try_recv() {
            Ok(value) => Some(Outcome::Done(value)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Outcome::Lost),
        }
    }
}

/// The newest generation handed out for one kind of job.
#[derive(Debug, Default)]
pub struct Generations(u64);

impl Generations {
    /// A generation newer than every one before it.
    pub fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }

    /// Whether `generation` is the newest.
    pub fn is_newest(&self, generation: u64) -> bool {
        generation == self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(job: &Job<T>) -> Outcome<T> {
        loop {
            if let Some(outcome) = job.poll() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    #[test]
    fn a_job_hands_back_its_result_and_a_panicking_one_is_lost() {
        let ctx = egui::Context::default();
        let job = Job::spawn("test", 1, &ctx, |_| 6 * 7);
        assert_eq!(wait(&job), Outcome::Done(42));
        let job: Job<u32> = Job::spawn("test", 2, &ctx, |_| panic!("no result"));
        assert_eq!(wait(&job), Outcome::Lost);
    }

    #[test]
    fn generations_of_one_kind_say_which_is_newest() {
        let mut imports = Generations::default();
        let first = imports.next();
        let second = imports.next();
        assert!(!imports.is_newest(first));
        assert!(imports.is_newest(second));
    }
}
