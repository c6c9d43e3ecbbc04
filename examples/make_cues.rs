//! Writes the bundled cue sounds to `assets/`: soft bell-like tones, synthesised here so the
//! project owns every sound it ships. Run with `cargo run --example make_cues`.

use std::f32::consts::TAU;
use std::path::Path;

const RATE: u32 = 22_050;
/// Loudest sample, as a share of full scale: about -6 dBFS, so nothing clips and nothing startles.
const PEAK: f32 = 0.5;

/// One struck note: a fundamental with two quiet overtones, a quick attack and a soft decay.
struct Note {
    hz: f32,
    at: f32,
    decay: f32,
    gain: f32,
}

fn note(hz: f32, at: f32, decay: f32, gain: f32) -> Note {
    Note {
        hz,
        at,
        decay,
        gain,
    }
}

#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "sample counts of a few seconds, and samples scaled to within i16's range"
)]
fn render(notes: &[Note], seconds: f32) -> Vec<i16> {
    let len = (seconds * RATE as f32) as usize;
    let mut mix = vec![0.0f32; len];
    for n in notes {
        let start = (n.at * RATE as f32) as usize;
        for (i, sample) in mix.iter_mut().enumerate().skip(start) {
            let t = (i - start) as f32 / RATE as f32;
            let attack = (t / 0.006).min(1.0);
            let envelope = attack * (-t / n.decay).exp();
            let tone = (TAU * n.hz * t).sin()
                + 0.25 * (TAU * 2.0 * n.hz * t).sin() * (-t / (n.decay * 0.5)).exp()
                + 0.08 * (TAU * 3.01 * n.hz * t).sin() * (-t / (n.decay * 0.3)).exp();
            *sample += n.gain * envelope * tone;
        }
    }
    // A short fade at the end so the sound never stops with a click.
    let fade = (0.02 * RATE as f32) as usize;
    for i in 0..fade.min(len) {
        mix[len - 1 - i] *= i as f32 / fade as f32;
    }
    let loudest = mix.iter().fold(0.0f32, |m, s| m.max(s.abs())).max(1e-6);
    mix.iter()
        .map(|s| (s / loudest * PEAK * f32::from(i16::MAX)) as i16)
        .collect()
}

fn write(dir: &Path, name: &str, samples: &[i16]) -> Result<(), hound::Error> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(dir.join(format!("{name}.wav")), spec)?;
    for s in samples {
        w.write_sample(*s)?;
    }
    w.finalize()
}

fn main() -> Result<(), hound::Error> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::create_dir_all(&dir)?;
    // Pitches: C5 523, E5 659, G5 784, A5 880, C6 1047, E4 330, G4 392.
    let cues: [(&str, Vec<Note>, f32); 9] = [
        // Two soft rising notes: get ready.
        (
            "get_ready",
            vec![note(659.3, 0.0, 0.18, 0.7), note(880.0, 0.14, 0.22, 0.7)],
            0.55,
        ),
        // A bright open chord: go.
        (
            "go",
            vec![
                note(1046.5, 0.0, 0.25, 0.6),
                note(1318.5, 0.0, 0.25, 0.4),
                note(1568.0, 0.0, 0.25, 0.35),
            ],
            0.7,
        ),
        // One light bell: halfway.
        ("halfway", vec![note(880.0, 0.0, 0.2, 0.8)], 0.5),
        // A short wooden tick for each of the last three seconds.
        ("countdown", vec![note(1760.0, 0.0, 0.035, 0.8)], 0.15),
        // Falling notes: the hold is over.
        (
            "end",
            vec![note(784.0, 0.0, 0.2, 0.7), note(523.3, 0.16, 0.3, 0.7)],
            0.75,
        ),
        // One low, calm tone: rest.
        ("rest", vec![note(329.6, 0.0, 0.3, 0.9)], 0.7),
        // Up, down, up: switch sides.
        (
            "switch_sides",
            vec![
                note(659.3, 0.0, 0.12, 0.7),
                note(523.3, 0.15, 0.12, 0.7),
                note(659.3, 0.30, 0.2, 0.7),
            ],
            0.8,
        ),
        // Three gentle rising notes: a question for you.
        (
            "check_in",
            vec![
                note(523.3, 0.0, 0.15, 0.6),
                note(659.3, 0.15, 0.15, 0.6),
                note(784.0, 0.30, 0.25, 0.6),
            ],
            0.85,
        ),
        // A slow chime: the session is complete.
        (
            "session_complete",
            vec![
                note(523.3, 0.0, 0.8, 0.5),
                note(659.3, 0.25, 0.8, 0.5),
                note(784.0, 0.5, 0.9, 0.5),
                note(1046.5, 0.75, 1.1, 0.55),
            ],
            2.6,
        ),
    ];
    for (name, notes, seconds) in &cues {
        write(&dir, name, &render(notes, *seconds))?;
        println!("assets/{name}.wav  {seconds:.2} s");
    }
    Ok(())
}
