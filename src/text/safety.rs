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
/// The emergency advice in one line, for the way out.
pub const EMERGENCY_NOW: &str = "Get urgent medical help now: go to A&E (the emergency department) or call your local emergency number. Do not do a session.";
pub const EMERGENCY_ADVICE: [&str; 4] = [
    "What you describe can mean the nerves at the bottom of your spine are badly squeezed.",
    "This needs to be seen by a doctor straight away, often within hours.",
    "Go to A&E (the emergency department) or call your local emergency number now.",
    "Do not do this session. unknot will ask these questions again next time.",
];

// "See a doctor" signs, in two tiers (NHS Gloucestershire red-flag list; NICE NG59 1.1.1; NHS
// sciatica page). Their numbers are kept in the history, so new questions go at the end; which
// tier each is in is `safety::TIERS`.
pub const DOCTOR_QUESTIONS: [&str; 8] = [
    "Did this start after a fall, a car accident or another injury (or a small knock, if you have thin bones or take steroids long-term)?",
    "Do you have a fever or chills, a weakened immune system, a recent bacterial infection, or have you injected drugs?",
    "Have you ever had cancer, or lost weight without trying?",
    "Is the pain worse at night, and does it not ease when you rest or change position?",
    "Is this new back pain, and are you under 20 or over 50?",
    "Has it not improved after a few weeks of looking after it at home, or is it steadily getting worse?",
    "Is one leg getting weaker (tripping, a foot that catches, a knee that gives way)?",
    "Is the pain stopping you from doing your normal daily activities?",
];

/// The see-a-doctor questions answered yes, by their numbers (from 1) as the history keeps them.
pub fn doctor_questions(yes: &[u8]) -> Vec<&'static str> {
    yes.iter()
        .filter_map(|n| {
            usize::from(*n)
                .checked_sub(1)
                .and_then(|i| DOCTOR_QUESTIONS.get(i))
                .copied()
        })
        .collect()
}

pub const YOU_ANSWERED_YES: &str = "You answered yes to:";

// ---- Worsening over weeks, worth a GP or physiotherapist (CLINICAL §1, §3, §5); picked by
// `Worsening::words`.

pub fn worse_rising(from: f64, to: f64) -> String {
    format!(
        "See a GP or physiotherapist: your pain has gone up over the last two weeks, from {from:.1} to {to:.1} on average."
    )
}

pub fn worse_not_improving(weeks: i64, from: f64, to: f64) -> String {
    format!(
        "See a GP or physiotherapist: after {weeks} weeks your pain is not clearly better ({from:.1} in the first week, {to:.1} in the last); sciatica usually eases within 4 to 6 weeks."
    )
}

/// Given each area's word.
pub fn worse_spreading(from: &str, to: &str) -> String {
    format!(
        "See a GP or physiotherapist: your pain now reaches your {to}, further down the leg than your {from} before."
    )
}

pub const WORSE_NUMBNESS: &str =
    "See a GP or physiotherapist: you have numbness or tingling now that you did not have before.";

pub const LEG_PAIN: &str = "leg pain";
pub const BACK_PAIN: &str = "back pain";

/// A weekly pain score up by 2 points or more; `what` is "leg pain" or "back pain".
pub fn worse_weekly(what: &str, from: u8, to: u8) -> String {
    format!(
        "See a GP or physiotherapist: your {what} in the weekly check has gone up from {from} to {to} since the week before."
    )
}

/// The functional scale's average down by 2 points or more.
pub fn worse_function(from: f64, to: f64) -> String {
    format!(
        "See a GP or physiotherapist: the activities you track have got harder since the week before ({from:.1} to {to:.1} out of 10)."
    )
}

/// CLINICAL §1: weakness getting worse in one leg needs a doctor; in both legs, help today.
pub const WORSE_WEAKNESS: &str = "See a GP or physiotherapist soon: you have weakness in your leg or foot that you did not have the week before. If it is getting worse quickly, or is in both legs, get medical help today.";

/// A possible serious cause: a doctor first, before ball, roller or floor work.
pub const DOCTOR_TITLE: &str = "Please see a doctor before ball, roller or floor exercises";
pub const DOCTOR_ADVICE: [&str; 4] = [
    "What you describe could have a cause a doctor should check before you do exercises like these.",
    "It is not an emergency: book an appointment soon. Walking and your ordinary daily activity are still good for you meanwhile.",
    "If a doctor has already checked this and said exercise is fine, you can carry on.",
    "`unknot safety` lists what you answered and when, to show the doctor.",
];

/// Worth a GP appointment, with gentle exercise meanwhile.
pub const GP_TITLE: &str = "Book an appointment with your GP";
pub const GP_ADVICE: [&str; 3] = [
    "What you describe is worth showing your GP, but it is not a reason to stop moving.",
    "Meanwhile, keep active and stay with gentle routines; stop anything that makes the pain worse.",
    "`unknot safety` lists what you answered and when, to show the GP.",
];
pub const GP_GENTLE_STARTS: &str = "A gentle routine is fine: this one can start.";
pub fn gp_choose_gentle(routine: &str) -> String {
    format!(
        "{routine} is more than gentle exercise: choose a gentle routine (Gentle start, Desk break or Nerve glides) for now."
    )
}

/// Asked again after a "see a doctor first" answer, instead of every question.
pub const RECHECK_TITLE: &str = "Has a doctor checked this?";
pub fn recheck_intro(when: &str) -> String {
    format!("On {when} you told unknot about a sign a doctor should check:")
}
pub const RECHECK_QUESTION: &str = "Has a doctor checked it since, and said exercise is fine?";

/// What the home screen says while the answers of the last screening still stand.
pub fn remember_doctor(when: &str) -> String {
    format!(
        "On {when} you answered yes to a sign a doctor should check: ball, roller and floor routines wait until a doctor has seen it. Walking is still good for you."
    )
}
pub fn remember_gp(when: &str) -> String {
    format!(
        "On {when} you answered yes to a sign worth a GP appointment: book one if you have not, and keep to gentle routines meanwhile."
    )
}

pub const QUICK_TITLE: &str = "Any new symptoms?";
pub const QUICK_INTRO: &str = "Since your last session, has any of these started?";

pub const PLAIN_YES_NO: &str = "Type yes or no.";
pub const PLAIN_BACK: &str = "Type back to answer the question before again.";
pub const PLAIN_UNCLEAR: &str = "Please answer yes or no.";
pub const PLAIN_QUICK_PROMPT: &str =
    "Press Enter if nothing has changed, or type yes if one of these has started.";
pub const PLAIN_DOCTOR_PROMPT: &str =
    "Type carry on if a doctor has already checked this, or press Enter to stop for now.";
pub const PLAIN_GP_PROMPT_START: &str = "Press Enter to start this gentle routine.";
pub const PLAIN_GP_PROMPT_BACK: &str = "Press Enter to end here.";
pub const NOT_ANSWERED: &str =
    "The safety questions were not answered, so the session does not start.";
pub const STOPPED_FOR_DOCTOR: &str = "Stopped for now. Please see a doctor before ball, roller or floor exercises; walking and ordinary activity are still good for you. `unknot safety` lists what you answered, to show the doctor.";
pub const STOPPED_FOR_GENTLE: &str = "Not started: keep to gentle routines until you have seen your GP. `unknot safety` lists what you answered, to show the GP.";

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

/// Everything `unknot safety` prints: the warning signs by tier, the cautions, and what the
/// person has answered (`answers`, a line each, oldest first; see [`answer_line`]).
pub fn safety_page(serious: &[&str], gp: &[&str], answers: &[String]) -> String {
    let mut page = String::from("Safety\n\n");
    page.push_str(SAFETY_URGENT);
    page.push('\n');
    for q in EMERGENCY_QUESTIONS {
        let _ = writeln!(page, "  - {q}");
    }
    page.push_str("\nSee a doctor before ball, roller or floor exercises (walking is still good for you) if:\n");
    for q in serious {
        let _ = writeln!(page, "  - {q}");
    }
    page.push_str("\nBook a GP appointment, and keep to gentle routines meanwhile, if:\n");
    for q in gp {
        let _ = writeln!(page, "  - {q}");
    }
    let _ = writeln!(page, "\n{CAUTIONS_TITLE}:");
    for c in CAUTIONS {
        let _ = writeln!(page, "  - {c}");
    }
    page.push_str("\nDuring a session, press x if something hurts, and ! to see this again.\n");
    if !answers.is_empty() {
        page.push_str("\nWhat you have told unknot, to show a doctor:\n");
        for line in answers {
            let _ = writeln!(page, "  {line}");
        }
    }
    page
}

/// One dated answer to the safety questions: "Mon 30 Nov 2026, all the questions: yes to ...;
/// book a GP appointment, with gentle routines meanwhile".
pub fn answer_line(when: &str, asked: &str, yes: &[&str], result: &str) -> String {
    if yes.is_empty() {
        return format!("{when}, {asked}: {result}");
    }
    let yes: Vec<String> = yes.iter().map(|q| format!("\"{q}\"")).collect();
    format!("{when}, {asked}: yes to {}; {result}", yes.join(", "))
}

// What each kind of check was, and what each result meant; picked by `SafetyKind::asked` and
// `SafetyResult::told`.
pub const ASKED_FULL: &str = "all the questions";
pub const ASKED_QUICK: &str = "any new symptoms";
pub const ASKED_AGAIN: &str = "asked again";
pub const ASKED_CAUTIONS: &str = "the self-massage cautions";
pub const TOLD_CLEAR: &str = "nothing that needs a doctor first";
pub const TOLD_EMERGENCY: &str = "told to get urgent medical help; no session";
pub const TOLD_DOCTOR_CONTINUED: &str = "a doctor had checked it: carried on";
pub const TOLD_DOCTOR_STOPPED: &str =
    "told to see a doctor before ball, roller or floor exercises; stopped";
pub const TOLD_DOCTOR_CHECKED: &str = "a doctor has checked it since";
pub const TOLD_GP: &str = "told to book a GP appointment, with gentle routines meanwhile";
pub const TOLD_NOT_ANSWERED: &str = "not answered through; no session";
pub const TOLD_SHOWN: &str = "shown";
