//! What unknot says about safety: the red flags, the cautions for self-massage, the
//! pain-monitoring rule, aftercare and the evidence. Each group names where its facts come from.

use std::fmt::Write as _;

// ---- Red flags. Emergency signs: NHS sciatica page; NHS Scotland serious lumbar spine pathway;
// the toilet-paper test from NHS Greater Glasgow & Clyde. Asked directly, because people rarely
// mention saddle numbness unless asked (NICE CKS).

pub const SCREEN_TITLE: &str = "Before you start: a few safety questions";
pub const SCREEN_INTRO: &str =
    "Sciatica is rarely dangerous, but a few signs need a doctor the same day. Answer y or n.";

pub const EMERGENCY_QUESTIONS: [&str; 5] = [
    "Do you have sciatica in both legs, or has it spread from one leg to both?",
    "Is there weakness or numbness in both legs that is severe or getting worse, or has a foot started to drop or drag?",
    "Is there numbness or tingling around your genitals, buttocks or back passage (for example, it is hard to feel toilet paper when you wipe)?",
    "Any new trouble peeing: cannot start, cannot hold it, or cannot feel it as before?",
    "Any new loss of control of your bowels, not noticing you need to go, or new problems with sexual function?",
];

pub const EMERGENCY_TITLE: &str = "Get urgent medical help now";
pub const EMERGENCY_ADVICE: [&str; 4] = [
    "What you describe can mean the nerves at the bottom of your spine are badly squeezed.",
    "This needs to be seen by a doctor straight away, often within hours.",
    "Go to A&E (the emergency department) or call your local emergency number now.",
    "Do not do this session. unknot will ask these questions again next time.",
];

// "See a doctor first" signs: NHS Gloucestershire red-flag list; NICE NG59 1.1.1.
pub const DOCTOR_QUESTIONS: [&str; 6] = [
    "Did this start after a fall, a car accident or another injury (or a small knock, if you have thin bones or take steroids long-term)?",
    "Do you have a fever or chills, a weakened immune system, a recent bacterial infection, or have you injected drugs?",
    "Have you ever had cancer, or lost weight without trying?",
    "Is the pain worse at night, and does it not ease when you rest or change position?",
    "Is this new back pain, and are you under 20 or over 50?",
    "Has it not improved after a few weeks of looking after it at home, or is it steadily getting worse?",
];

pub const DOCTOR_TITLE: &str = "Please see a doctor before exercising";
pub const DOCTOR_ADVICE: [&str; 3] = [
    "What you describe is a reason to be checked by a doctor before doing exercises like these.",
    "It is not an emergency, but please book an appointment soon.",
    "If a doctor has already checked this and said exercise is fine, you can carry on.",
];

pub const QUICK_TITLE: &str = "Any new symptoms?";
pub const QUICK_INTRO: &str = "Since your last session, has any of these started?";

pub const PLAIN_YES_NO: &str = "Type yes or no.";
pub const PLAIN_UNCLEAR: &str = "Please answer yes or no.";
pub const PLAIN_QUICK_PROMPT: &str =
    "Press Enter if nothing has changed, or type yes if one of these has started.";
pub const PLAIN_DOCTOR_PROMPT: &str =
    "Type carry on if a doctor has already checked this, or press Enter to stop for now.";
pub const NOT_ANSWERED: &str =
    "The safety questions were not answered, so the session does not start.";
pub const STOPPED_FOR_DOCTOR: &str = "Stopped for now. Please see a doctor first.";

// ---- Self-massage cautions: foam-rolling expert consensus (Bartsch 2021, J Clin Med 10:5360)
// and general massage caution lists. No source covers pressing on the sciatic nerve itself; the
// "move off" rule is unknot's own, on the safe side.

pub const CAUTIONS_TITLE: &str = "Before using a ball or roller";
pub const CAUTIONS: [&str; 4] = [
    "Do not roll over open or healing wounds, burns, skin infections, or a bone that may be broken.",
    "Ask a clinician first if you have had a blood clot (DVT), take blood thinners or bruise easily, have severe osteoporosis, local inflammation, cancer, are pregnant, or have pain nobody has explained.",
    "If the ball or roller causes tingling, numbness or a shooting pain down the leg, move off that spot at once: lighter, and to the side.",
    "Use steady, moderate pressure and slow movement; it should feel like firm pressure or mild discomfort, never sharp pain.",
];

// ---- The pain-monitoring rule, as a guide: pain during exercise above 5 is too much, and a rise
// or pain spreading further down the leg means a movement aggravates the nerve (Silbernagel 2007,
// not validated for nerve pain; McKenzie centralisation, Aina 2004).

pub const PAIN_RULE_TITLE: &str = "Time to ease off";

// Why the session is asking to ease off, picked by `PainTrigger::reason`.

/// "Your pain is 6 now, 2 points above the 4 you started with."
pub fn pain_rose(before: u8, now: u8) -> String {
    format!(
        "Your pain is {now} now, {} points above the {before} you started with.",
        now.saturating_sub(before)
    )
}

/// "Your pain is 6 now: above 5 is more than exercise should cause."
pub fn pain_high(now: u8) -> String {
    format!("Your pain is {now} now: above 5 is more than exercise should cause.")
}

pub const REASON_SPREAD: &str =
    "The pain has spread further down your leg: that part is irritating the nerve.";
pub const REASON_THIS_HURTS: &str = "You said this hurts.";

pub const PLAIN_PAIN_RULE_PROMPT: &str =
    "Type stop, skip or gentler. Anything else, or no answer, stops the session.";

// The choice made, picked by `PainChoice::words`.
pub const CHOSE_STOP: &str = "Stopped";
pub const CHOSE_SKIP: &str = "Skipped";
pub const CHOSE_GENTLER: &str =
    "Carrying on gentler: holds a third shorter, lighter pressure, a smaller range";

// ---- After a session that raised the pain (the next day matters most: Silbernagel 2007).

pub const FLARE: [&str; 3] = [
    "Your pain is 2 or more points higher than when you started.",
    "Next time, try a gentler routine or shorter holds; unknot will ask tomorrow how it settled.",
    "See a doctor or physiotherapist if it stays worse for days, keeps spreading down the leg, or new numbness or weakness appears.",
];

/// The morning-after question on its own: "How was the pain the morning after ...?".
pub fn morning_asked(when: &str) -> String {
    format!("How was the pain the morning after your session on {when}?")
}

pub fn plain_morning_question(when: &str) -> String {
    format!(
        "{} Type a number from 0 to 10, or press Enter to skip.",
        morning_asked(when)
    )
}

// ---- Aftercare: stay active and avoid long sitting (NHS; NICE QS155); heat has a small
// short-term benefit (Cochrane, French 2006): a wrapped heat pack, not a hot-water bottle (NHS
// sciatica page), 10-15 minutes up to 3 times a day, never on numb skin (NHS MPFT).

pub const AFTERCARE: [&str; 3] = [
    "Keep moving gently today; avoid sitting or lying still for long stretches.",
    "Warmth can ease it: a wrapped heat pack on the painful area for 10 to 15 minutes, up to 3 times a day. Check your skin, never use it on numb skin, never fall asleep on it, and do not use a hot-water bottle.",
    "Some soreness after stretching is normal; pain that is sharp or spreads down the leg is not.",
];

// ---- Progression: raise the load only after sessions that caused no flare, step back after one.

pub fn suggest_up(count: usize, current: &str, next: &str) -> String {
    format!(
        "{count} sessions of {current} done in full on separate days, with no flare and calm mornings after: you could try {next} next."
    )
}

pub fn suggest_down(lower: &str) -> String {
    format!(
        "Your last session raised your pain: try {lower} next time, and step up again once it has settled."
    )
}

// ---- About the evidence.

pub const ABOUT: &str = "\
About unknot and the evidence

unknot guides a routine of self-massage, stretching and gentle movement, and keeps a record of
your pain so you can see whether it is helping. It is self-care support, not treatment: it does
not diagnose, and it cannot tell what is causing your sciatica.

What helps, as far as we know
- Staying active helps more than resting; gentle movement may hurt, but is not harmful.
  (NHS sciatica advice; NICE quality standard QS155.) Bed rest is no better than staying active
  (Cochrane review, Dahm 2010), so unknot never advises it.
- Stretching and exercises are part of the usual advice for sciatica (NHS sciatica exercise
  sheet; NICE NG59), with holds of 20 to 30 seconds repeated a few times, stopping if a movement
  makes the pain worse.
- Self-massage with a ball or roller is offered for comfort and as preparation for moving. The
  evidence for massage in back pain shows small, short-term benefit at best (Cochrane, Furlan
  2015); NICE considers it only alongside exercise. Studies of foam rolling were mostly in healthy
  people. It is not a cure.
- Nerve glides have low-quality, short-term evidence.
- Warmth has a small short-term benefit (Cochrane, French 2006); the evidence for cold is too thin
  to say.

How unknot reads your pain scores
- Pain is scored 0 to 10 with the same anchor words each time (NIH Clinical Center scale).
- A change of about 2 points, or about 30%, is one people notice (Farrar 2001; Ostelo 2008).
  Smaller changes are shown as everyday ups and downs, not as progress.
- The pain-monitoring rule asks you to ease off when pain during a session goes above 5 (and
  above where you started), or spreads further down the leg. It comes from research on Achilles
  tendon pain (Silbernagel 2007), not on nerve pain, so it is used here as a guide. Its other
  trigger, 2 points above your starting score, is unknot's own adaptation of that model, not a
  published rule. Pain that was already above 5 before a session is not blamed on the session:
  it is judged against the score you started with.
- The next morning matters most: a session that felt fine but left you worse the next morning
  counts as a flare, and unknot asks about the morning after every session.

See a doctor if your symptoms are severe, getting worse, or not improving after a few weeks, and
get urgent help for the warning signs in `unknot safety`.
";

pub const SAFETY_TITLE: &str = "Safety";
pub const SAFETY_URGENT: &str = "Get urgent medical help (A&E or your emergency number) if:";

/// Everything `unknot safety` prints: the warning signs and the cautions.
pub fn safety_page() -> String {
    let mut page = String::from("Safety\n\n");
    page.push_str(SAFETY_URGENT);
    page.push('\n');
    for q in EMERGENCY_QUESTIONS {
        let _ = writeln!(page, "  - {q}");
    }
    page.push_str("\nSee a doctor before exercising if:\n");
    for q in DOCTOR_QUESTIONS {
        let _ = writeln!(page, "  - {q}");
    }
    let _ = writeln!(page, "\n{CAUTIONS_TITLE}:");
    for c in CAUTIONS {
        let _ = writeln!(page, "  - {c}");
    }
    page.push_str("\nDuring a session, press x if something hurts, and ! to see this again.\n");
    page
}
