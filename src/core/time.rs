//! Times for people: a stored time (RFC 3339 UTC, `2026-11-30T20:22:23Z`)
//! shown in the reader's time zone, `2026-12-01 04:22`.
//!
//! Stored times stay UTC with a `Z` (notes' `created` and `modified`, an
//! export's stamp); only what a person reads is local: the window's note
//! details and save time, and the Markdown and HTML reports, which also name
//! the offset (`2026-12-01 04:22 (UTC+8)`) since a report is read elsewhere.
//!
//! The zone is the system's ([`local_zone`]: the `TZ` variable, else
//! `/etc/localtime`, or the Windows setting), read with `jiff`, which reads
//! the system's time zone database and is safe in a threaded program (unlike
//! `localtime_r`-based local offsets). Every function takes the zone as a
//! parameter, so tests do not depend on the machine's zone.

pub use jiff::tz::TimeZone;

/// The system's time zone (see the module docs); UTC when it cannot be
/// found.
#[must_use]
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

/// The time zone `hours` east of UTC (for tests and fixed-offset readers);
/// UTC when out of range.
#[must_use]
pub fn fixed_zone(hours: i8) -> TimeZone {
    jiff::tz::Offset::from_hours(hours).map_or(TimeZone::UTC, TimeZone::fixed)
}

/// `stamp` (RFC 3339) in `zone` as `format` (strftime), or `None` when it
/// is not a time.
fn local(stamp: &str, zone: &TimeZone, format: &str) -> Option<String> {
    let at: jiff::Timestamp = stamp.trim().parse().ok()?;
    Some(
        at.to_zoned_datetime(zone.clone())
            .strftime(format)
            .to_string(),
    )
}

/// `stamp` as a local date and time to the minute, `2026-12-01 04:22`; the
/// stamp as it is when it is not an RFC 3339 time (a file may hold
/// anything).
#[must_use]
pub fn date_time(stamp: &str, zone: &TimeZone) -> String {
    local(stamp, zone, "%Y-%m-%d %H:%M").unwrap_or_else(|| stamp.to_owned())
}

/// `stamp` as a date and time to the minute in the system's zone (the
/// window's note details): [`date_time`] in [`local_zone`].
#[must_use]
pub fn local_date_time(stamp: &str) -> String {
    date_time(stamp, &local_zone())
}

/// `stamp` as a local clock time to the second, `04:22:23` (a save time
/// shown the same day); the stamp as it is when it is not a time.
#[must_use]
pub fn clock(stamp: &str, zone: &TimeZone) -> String {
    local(stamp, zone, "%H:%M:%S").unwrap_or_else(|| stamp.to_owned())
}

/// `stamp` as a local date and time with its offset from UTC, for a report
/// read elsewhere: `2026-12-01 04:22 (UTC+8)`, `(UTC+5:30)`, `(UTC)`; the
/// stamp as it is when it is not a time.
#[must_use]
pub fn date_time_with_offset(stamp: &str, zone: &TimeZone) -> String {
    let Ok(at) = stamp.trim().parse::<jiff::Timestamp>() else {
        return stamp.to_owned();
    };
    let zoned = at.to_zoned_datetime(zone.clone());
    let seconds = zoned.offset().seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let (hours, minutes) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    let offset = match (hours, minutes) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    };
    format!("{} ({offset})", zoned.strftime("%Y-%m-%d %H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times_read_in_the_readers_zone() {
        let beijing = fixed_zone(8);
        assert_eq!(
            date_time("2026-11-30T20:22:23Z", &beijing),
            "2026-12-01 04:22"
        );
        assert_eq!(clock("2026-11-30T20:35:34Z", &beijing), "04:35:34");
        assert_eq!(
            date_time_with_offset("2026-12-01T05:05:00Z", &beijing),
            "2026-12-01 13:05 (UTC+8)"
        );
        assert_eq!(
            date_time_with_offset("2026-12-01T05:05:00Z", &TimeZone::UTC),
            "2026-12-01 05:05 (UTC)"
        );
        assert_eq!(
            date_time_with_offset("2026-12-01T05:05:00Z", &fixed_zone(-5)),
            "2026-12-01 00:05 (UTC-5)"
        );
    }

    #[test]
    fn half_hour_zones_and_summer_time_are_named() {
        let india = TimeZone::fixed(jiff::tz::Offset::from_seconds(5 * 3600 + 1800).unwrap());
        assert_eq!(
            date_time_with_offset("2026-12-01T05:05:00Z", &india),
            "2026-12-01 10:35 (UTC+5:30)"
        );
        // A named zone (from the bundled or system database) knows its summer time.
        if let Ok(berlin) = TimeZone::get("Europe/Berlin") {
            assert_eq!(
                date_time_with_offset("2026-07-01T10:00:00Z", &berlin),
                "2026-07-01 12:00 (UTC+2)"
            );
            assert_eq!(
                date_time_with_offset("2026-12-01T10:00:00Z", &berlin),
                "2026-12-01 11:00 (UTC+1)"
            );
        }
    }

    #[test]
    fn what_is_not_a_time_is_shown_as_written() {
        let zone = fixed_zone(8);
        assert_eq!(date_time("昨天", &zone), "昨天");
        assert_eq!(date_time_with_offset("", &zone), "");
        assert_eq!(clock("15:32:01Z", &zone), "15:32:01Z");
    }
}
