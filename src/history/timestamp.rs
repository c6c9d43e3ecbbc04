//! Reading the `at` of a history line. Every line has one, and chrono's general parser was a
//! sixth of the time spent loading a long history, so the exact shape unknot writes
//! (`2026-11-21T08:30:00.123+01:00`) is read directly; anything else goes to chrono.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserializer;
use serde::de::{Error, Visitor};

/// For `#[serde(deserialize_with)]`: a timestamp from a JSON string.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    struct Timestamp;
    impl Visitor<'_> for Timestamp {
        type Value = DateTime<FixedOffset>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date and time with its UTC offset")
        }

        fn visit_str<E: Error>(self, s: &str) -> Result<Self::Value, E> {
            parse(s).map_err(E::custom)
        }
    }
    d.deserialize_str(Timestamp)
}

/// The shape unknot writes, read directly; anything else as chrono reads it.
pub fn parse(s: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    match exact(s.as_bytes()) {
        Some(at) => Ok(at),
        None => s.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, up to nine digits of a second, then `Z` or `+HH:MM` / `-HH:MM`.
/// `None` for anything else, including what chrono alone should judge (a leap second).
fn exact(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    let digits = |from: usize, count: usize| -> Option<u32> {
        let part = b.get(from..from + count)?;
        part.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return None;
    }
    let year = i32::try_from(digits(0, 4)?).ok()?;
    let (month, day) = (digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut i = 19;
    let mut nanos = 0;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while i - start < 9 && b.get(i).is_some_and(u8::is_ascii_digit) {
            nanos = nanos * 10 + u32::from(b[i] - b'0');
            i += 1;
        }
        if i == start || b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        nanos *= 10u32.pow(9 - u32::try_from(i - start).ok()?);
    }
    let offset_seconds = match b.get(i)? {
        b'Z' if b.len() == i + 1 => 0,
        sign @ (b'+' | b'-') if b.len() == i + 6 && at(i + 3, b':') => {
            let (hours, minutes) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    if second > 59 {
        return None;
    }
    let offset = FixedOffset::east_opt(offset_seconds)?;
    NaiveDate::from_ymd_opt(year, month, day)?
        .and_hms_nano_opt(hour, minute, second, nanos)?
        .and_local_timezone(offset)
        .single()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_unknot_writes() {
        for s in [
            "2026-11-21T08:30:00+01:00",
            "2026-11-21T08:30:00.123+01:00",
            "2026-11-21T08:30:00.123456789-05:30",
            "2026-11-21T23:59:59Z",
            "2024-02-29T00:00:00.5+00:00",
        ] {
            let chrono: DateTime<FixedOffset> = s.parse().unwrap();
            let at = exact(s.as_bytes()).unwrap();
            // `==` on times compares instants only; the offset must match too.
            assert_eq!((at, at.offset()), (chrono, chrono.offset()), "{s}");
        }
    }

    #[test]
    fn leaves_other_shapes_to_chrono() {
        for s in [
            "2026-11-21 08:30:00+01:00",
            "2026-11-21t08:30:00+01:00",
            "2026-11-21T08:30:60+01:00",
            "2026-11-21T08:30:00.+01:00",
            "2026-11-21T08:30:00.1234567891+01:00",
            "2026-11-21T08:30:00+0100",
            "2026-11-21T08:30:00",
            "2026-02-30T08:30:00+01:00",
            "+2026-11-21T08:30:00+01:00",
            "",
        ] {
            assert_eq!(exact(s.as_bytes()), None, "{s}");
            assert_eq!(parse(s).ok(), s.parse().ok(), "{s}");
        }
    }

    proptest! {
        /// Whatever the digits, the direct reading agrees with chrono's, or defers to it.
        #[test]
        fn agrees_with_chrono(
            fields in (0u32..10000, 0u32..100, 0u32..100, 0u32..100, 0u32..100, 0u32..100),
            fraction in "(\\.[0-9]{1,10})?",
            offset in "Z|[+-][0-9]{2}:[0-9]{2}",
        ) {
            let (y, mo, d, h, mi, s) = fields;
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}{offset}");
            let chrono: Option<DateTime<FixedOffset>> = text.parse().ok();
            if let Some(at) = exact(text.as_bytes()) {
                prop_assert_eq!(Some((at, *at.offset())), chrono.map(|c| (c, *c.offset())));
            }
            prop_assert_eq!(parse(&text).ok(), chrono);
        }

        /// Every timestamp unknot can write is read directly and comes back the same.
        #[test]
        fn round_trips(millis in 0i64..4_000_000_000_000, offset_minutes in -1439i32..1440) {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = DateTime::from_timestamp_millis(millis).unwrap().with_timezone(&offset);
            let text = serde_json::to_string(&at).unwrap();
            let read = exact(text.trim_matches('"').as_bytes());
            prop_assert_eq!(read.map(|r| (r, *r.offset())), Some((at, offset)));
        }
    }
}
