//! What unknot prints on standard output, and one policy, for every command and both front ends,
//! for output that cannot be written. A reader that has gone (`unknot history | head -1`) ends
//! unknot quietly, with the code a shell gives a program that SIGPIPE stopped (141), as other
//! Unix tools end; any other failure (a full disk, say) is one sentence on stderr and exit 1.

use std::io::{self, StdoutLock, Write};

use crate::error::AppError;

/// A writer that remembers the first error it gave and refuses every write after it. Libraries
/// that write through it (`csv`, `serde_json`) wrap that error in one of their own, in which its
/// cause (a closed pipe, a full disk) no longer shows; here it is kept as it was.
pub struct Output<W: Write> {
    inner: W,
    failed: Option<io::Error>,
}

impl Output<StdoutLock<'static>> {
    /// Standard output, locked for as long as the `Output` lives.
    pub fn stdout() -> Self {
        Output::new(io::stdout().lock())
    }
}

impl<W: Write> Output<W> {
    pub fn new(inner: W) -> Output<W> {
        Output {
            inner,
            failed: None,
        }
    }

    /// The first error writing gave, if there was one.
    pub fn failure(&self) -> Option<&io::Error> {
        self.failed.as_ref()
    }

    /// Flushes, and says what became of everything written so far; `written` is what the
    /// writing itself returned.
    ///
    /// # Errors
    /// The first error writing gave, else `written`'s, as [`failed`] turns it into a way out.
    pub fn finish(&mut self, written: io::Result<()>) -> Result<(), AppError> {
        let flushed = self.flush();
        match (self.failed.take(), written.and(flushed)) {
            (Some(first), _) | (None, Err(first)) => Err(failed(first)),
            (None, Ok(())) => Ok(()),
        }
    }

    fn keep<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result
            && e.kind() != io::ErrorKind::Interrupted
            && self.failed.is_none()
        {
            self.failed = Some(same_error(e));
        }
        result
    }

    fn refused(&self) -> Option<io::Error> {
        self.failed.as_ref().map(same_error)
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(e) = self.refused() {
            return Err(e);
        }
        let result = self.inner.write(buf);
        self.keep(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(e) = self.refused() {
            return Err(e);
        }
        let result = self.inner.flush();
        self.keep(result)
    }
}

/// The same error again: `io::Error` is not `Clone`, but its OS error code (or kind) is all
/// that is said about it.
fn same_error(e: &io::Error) -> io::Error {
    e.raw_os_error()
        .map_or_else(|| io::Error::from(e.kind()), io::Error::from_raw_os_error)
}

/// The way out for output that could not be written: quiet when the reader has gone, else one
/// sentence saying why ("cannot write the output: the disk is full").
pub fn failed(e: io::Error) -> AppError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        AppError::OutputClosed
    } else {
        AppError::Output(e)
    }
}

/// Prints on standard output what `write` writes, then flushes it.
///
/// # Errors
/// As [`Output::finish`]: [`AppError::OutputClosed`] when the reader has gone,
/// [`AppError::Output`] for any other failure.
pub fn print_with(
    write: impl FnOnce(&mut Output<StdoutLock<'static>>) -> io::Result<()>,
) -> Result<(), AppError> {
    let mut out = Output::stdout();
    let written = write(&mut out);
    out.finish(written)
}

/// Prints `text` as it is on standard output.
///
/// # Errors
/// As [`print_with`].
pub fn print(text: &str) -> Result<(), AppError> {
    print_with(|out| out.write_all(text.as_bytes()))
}

/// Prints `line` and a line end on standard output.
///
/// # Errors
/// As [`print_with`].
pub fn print_line(line: &str) -> Result<(), AppError> {
    print_with(|out| writeln!(out, "{line}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `room` bytes, then fails as `error` says.
    struct Sink {
        room: usize,
        error: io::ErrorKind,
        written: Vec<u8>,
    }

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(self.error));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn sink(room: usize, error: io::ErrorKind) -> Output<Sink> {
        Output::new(Sink {
            room,
            error,
            written: Vec::new(),
        })
    }

    #[test]
    fn output_that_fits_is_written_whole() {
        let mut out = sink(100, io::ErrorKind::StorageFull);
        let written = out.write_all(b"hello\n");
        assert_eq!(out.inner.written, b"hello\n");
        assert!(out.finish(written).is_ok());
    }

    #[test]
    fn a_reader_gone_is_the_quiet_way_out() {
        let mut out = sink(3, io::ErrorKind::BrokenPipe);
        let written = out.write_all(b"hello\n");
        assert!(matches!(out.finish(written), Err(AppError::OutputClosed)));
    }

    #[test]
    fn a_full_disk_is_said_as_one_sentence() {
        let mut out = sink(0, io::ErrorKind::StorageFull);
        let written = out.write_all(b"hello\n");
        let e = out.finish(written).unwrap_err();
        assert_eq!(e.to_string(), "cannot write the output: the disk is full");
        assert_eq!(e.exit_code(), 1);
    }

    /// csv turns an io error into one of its own, and that into an io error of kind `Other`:
    /// the cause is still the one the writer gave.
    #[test]
    fn a_library_wrapping_the_error_does_not_hide_its_cause() {
        let mut out = sink(10, io::ErrorKind::BrokenPipe);
        let written = {
            let mut csv = csv::Writer::from_writer(&mut out);
            // More than csv's own buffer holds, so that a record meets the error.
            (0..10_000)
                .try_for_each(|n| csv.write_record([n.to_string(), "a field".into()]))
                .map_err(io::Error::from)
                .and_then(|()| csv.flush())
        };
        assert_eq!(written.as_ref().unwrap_err().kind(), io::ErrorKind::Other);
        assert!(matches!(out.finish(written), Err(AppError::OutputClosed)));
    }

    #[test]
    fn nothing_more_is_written_after_a_failure() {
        let mut out = sink(0, io::ErrorKind::StorageFull);
        assert!(out.write_all(b"first").is_err());
        out.inner.room = 100;
        assert!(out.write_all(b"second").is_err());
        assert!(out.inner.written.is_empty());
        assert_eq!(
            out.failure().map(io::Error::kind),
            Some(io::ErrorKind::StorageFull)
        );
    }
}
