//! The one error type of the core. Every variant says what was wrong and where, and has a
//! stable `code()` that programs branch on (the wasm facade copies it to the JS error).

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// No place, link or other record with this id.
    NotFound { what: &'static str, id: String },
    /// An argument to a query was malformed.
    InvalidArgument { argument: String, message: String },
    /// A dataset document could not be read.
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A dataset was read but its records contradict each other.
    Invalid { problems: Vec<String> },
    /// The input was too large to accept.
    TooLarge {
        what: String,
        limit: usize,
        actual: usize,
    },
    /// The format of an input could not be recognised or is not supported.
    Format { origin: String, message: String },
    /// A method was called on an `Atlas` after `free()`. Raised by the package's guard in
    /// JavaScript (`scripts/package.mjs`), which writes the same code and message.
    Freed,
    /// Something that should not happen did (a result that cannot be encoded, an exception
    /// from JavaScript the guard caught); the message says what.
    Internal { message: String },
}

impl Error {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::Parse { .. } => "parse_error",
            Error::Invalid { .. } => "invalid_data",
            Error::TooLarge { .. } => "too_large",
            Error::Format { .. } => "unsupported_format",
            Error::Freed => "freed",
            Error::Internal { .. } => "internal",
        }
    }

    pub fn invalid(argument: impl Into<String>, message: impl Into<String>) -> Error {
        Error::InvalidArgument {
            argument: argument.into(),
            message: message.into(),
        }
    }

    pub fn not_found(what: &'static str, id: impl Into<String>) -> Error {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { what, id } => write!(f, "no {what} with id {id:?}"),
            Error::InvalidArgument { argument, message } => {
                write!(f, "invalid {argument}: {message}")
            }
            Error::Parse {
                origin,
                line,
                column,
                message,
            } => write!(f, "{origin}, line {line}, column {column}: {message}"),
            Error::Invalid { problems } => {
                let shown: Vec<&str> = problems.iter().take(10).map(String::as_str).collect();
                write!(
                    f,
                    "{} problem(s) in the dataset: {}",
                    problems.len(),
                    shown.join("; ")
                )?;
                if problems.len() > shown.len() {
                    write!(f, "; and {} more", problems.len() - shown.len())?;
                }
                Ok(())
            }
            Error::TooLarge {
                what,
                limit,
                actual,
            } => write!(
                f,
                "{what} is too large: {actual} bytes, the limit is {limit}"
            ),
            Error::Format { origin, message } => write!(f, "{origin}: {message}"),
            Error::Freed => {
                f.write_str("this Atlas was freed (free() was called on it): create a new one")
            }
            Error::Internal { message } => write!(f, "internal error: {message}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
