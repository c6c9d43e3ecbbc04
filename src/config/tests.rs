use super::*;

fn parse(source: &str) -> Result<Config, String> {
    Config::parse(source, Path::new("config.ron")).map_err(|e| e.to_string())
}

#[test]
fn the_printed_default_is_the_default() {
    assert_eq!(parse(DEFAULT_FILE), Ok(Config::default()));
}

#[test]
fn an_empty_or_missing_file_means_defaults() {
    assert_eq!(parse("// nothing yet\n"), Ok(Config::default()));
    assert_eq!(
        Config::load(Some(Path::new("/nonexistent/unknot/config.ron"))).unwrap(),
        Config::default()
    );
    assert_eq!(Config::load(None).unwrap(), Config::default());
}

#[test]
fn fields_left_out_keep_their_defaults() {
    let c =
        parse("(volume: 40, sounds: (go: Some(\"/tmp/go.ogg\")), theme: HighContrast)").unwrap();
    assert_eq!(c.volume, 40);
    assert!((c.gain() - 0.4).abs() < 1e-6);
    assert_eq!(c.theme, ThemeName::HighContrast);
    assert_eq!(c.sounds.for_cue(Cue::Go), Some(Path::new("/tmp/go.ogg")));
    assert_eq!(c.sounds.for_cue(Cue::End), None);
    assert!(!c.voice);
}

#[test]
fn unknown_fields_and_values_are_errors_with_line_and_column() {
    assert_eq!(
        parse("(\n  volume: 50,\n  colour: Blue,\n)"),
        Err("config.ron:3:3: unknown field `colour`; expected one of: volume, muted, voice, voice_command, lead_in, theme, sounds, desk".into())
    );
    assert_eq!(
        parse("(theme: Dark)"),
        Err("config.ron:1:9: unknown value `Dark`; expected one of: Default, HighContrast".into())
    );
    assert_eq!(
        parse("(sounds: (bell: None))"),
        Err("config.ron:1:11: unknown field `bell`; expected one of: get_ready, go, halfway, countdown, end, rest, switch_sides, check_in, session_complete".into())
    );
}

#[test]
fn out_of_range_numbers_are_errors_where_they_stand() {
    assert_eq!(
        parse("(volume: 150)"),
        Err("config.ron:1:10: expected volume from 0 to 100, found 150".into())
    );
    assert_eq!(
        parse("(lead_in: Some(90))"),
        Err("config.ron:1:16: expected lead_in from 0 to 60, found 90".into())
    );
}

#[test]
fn the_desk_settings_are_minutes_within_bounds() {
    let c = parse("(desk: (every: 30))").unwrap();
    assert_eq!(c.desk.every, 30);
    assert_eq!(c.desk.snooze, 10);
    assert_eq!(c.desk.routine, "desk-break");
    assert_eq!(
        parse("(desk: (every: 2))"),
        Err("config.ron:1:16: expected every from 5 to 240, found 2".into())
    );
    assert_eq!(
        parse("(desk: (snooze: 90))"),
        Err("config.ron:1:17: expected snooze from 1 to 60, found 90".into())
    );
}
