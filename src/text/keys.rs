//! What each key does, in words: the help box and the footers of every screen. Which key does
//! what is the keymap's (`ui::keys`); only the words are here.

// ---- Names of keys ---------------------------------------------------------------------------

pub const SPACE: &str = "Space";
pub const ENTER: &str = "Enter";
pub const ESC: &str = "Esc";
pub const BACKSPACE: &str = "Backspace";
pub const TAB: &str = "Tab";
pub const BACK_TAB: &str = "Shift-Tab";
pub const PAGE_UP: &str = "PgUp";
pub const PAGE_DOWN: &str = "PgDn";
pub const HOME: &str = "Home";
pub const END: &str = "End";
pub const UP: &str = "↑";
pub const DOWN: &str = "↓";
pub const LEFT: &str = "←";
pub const RIGHT: &str = "→";
/// Any character of a note.
pub const TYPE: &str = "type";
pub const CTRL: &str = "Ctrl-";
/// Between two keys that do the same: "→ or n".
pub const OR: &str = " or ";

// ---- The session's help box ------------------------------------------------------------------

pub const HELP_TITLE: &str = "Keys";
pub const HELP_PAUSED: &str = "The timer is paused while this is open.";
pub const PAUSE: &str = "pause or go on; \"ready\" when asked";
pub const NEXT_STEP: &str = "next step";
pub const PREVIOUS: &str = "restart this step; back a step near its start";
pub const MORE_TIME: &str = "15 seconds more on this hold";
pub const LESS_TIME: &str = "15 seconds less on this hold";
pub const PAIN_SCORE: &str = "pain score at a check-in (t is 10)";
pub const SKIP_QUESTION: &str = "skip a check-in question";
pub const SKIP_REST: &str = "skip the check-in's other questions";
pub const READY: &str = "\"ready\", when a step waits for you";
pub const THIS_HURTS: &str = "this hurts: ease off now";
pub const SAFETY_INFO: &str = "safety: warning signs and cautions";
pub const MUTE: &str = "sound off or on";
pub const QUIT_SESSION: &str = "stop the session (asks first)";
pub const STOP_NOW: &str = "stop the session at once, without asking";
pub const SUSPEND: &str = "back to the shell; the timer waits, paused";
pub const HELP: &str = "this help; press ? or Esc to close";

// ---- Footers: a key and a word or two ----------------------------------------------------------

pub const PRESS: &str = "Press";
pub const F_MORNING_KEYS: &str = "0-9, or t";
pub const F_FOR_TEN: &str = "for 10";
pub const F_UP_DOWN: &str = "↑/↓";
pub const F_CHOOSE: &str = "choose";
pub const F_START: &str = "start";
pub const F_HISTORY: &str = "history";
pub const F_QUIT: &str = "quit";
pub const F_BREAK_NOW: &str = "take a break now";
pub const F_START_BREAK: &str = "start the desk break";
pub const F_SNOOZE: &str = "snooze";
pub const F_PAUSE: &str = "pause";
pub const F_NEXT: &str = "next";
pub const F_BACK: &str = "back";
pub const F_MORE_LESS: &str = "+/-";
pub const F_15_S: &str = "15 s";
pub const F_HELP: &str = "help";
pub const F_READY: &str = "ready";
pub const F_SKIP_STEP: &str = "skip step";
pub const F_YES: &str = "yes";
pub const F_NO: &str = "no";
pub const F_NOTHING_NEW: &str = "nothing new";
pub const F_SOMETHING_NEW: &str = "yes, one of these has started";
pub const F_CARRY_ON_CHECKED: &str = "a doctor has checked me: carry on";
pub const F_STOP_FOR_NOW: &str = "stop for now";
pub const F_READ: &str = "I have read this";
pub const F_DOCTOR_CHECKED: &str = "yes, a doctor has checked it";
pub const F_ANSWER_AGAIN: &str = "answer the one before again";
pub const F_PAIN_KEYS: &str = "0-9 or t";
pub const F_TEN: &str = "(10)";
pub const F_SKIP: &str = "skip";
pub const F_SKIP_REST: &str = "skip the rest";
pub const F_DONE: &str = "done";
pub const F_LEFT: &str = "left";
pub const F_RIGHT: &str = "right";
pub const F_BOTH: &str = "both";
pub const F_BETTER: &str = "better";
pub const F_SAME: &str = "same";
pub const F_WORSE: &str = "worse";
pub const F_TYPE: &str = "type,";
pub const F_THEN_ENTER: &str = "then Enter";
pub const F_ENTER_ALONE_OR_ESC: &str = "Enter alone or Esc";
pub const F_TO_SKIP: &str = "to skip";
pub const F_STOP: &str = "stop";
pub const F_N_OR_ESC: &str = "n or Esc";
pub const F_CARRY_ON: &str = "carry on";
pub const F_BANG_OR_ESC: &str = "! or Esc";
pub const F_CLOSE: &str = "close";
pub const F_STOP_SESSION: &str = "stop the session now";
pub const F_SKIP_THIS_STEP: &str = "skip this step";
pub const F_GENTLER: &str = "carry on gentler: every hold a third shorter from now on, with lighter pressure and a smaller range";
pub const F_BACK_TO_ROUTINES: &str = "back to the routines";
pub const F_ENTER_OR_Q: &str = "Enter or q";
pub const F_MOVE: &str = "move";
pub const F_DETAILS: &str = "details";
pub const F_PANES_KEYS: &str = "Tab or 1-3";
pub const F_PANES: &str = "panes";
pub const F_PANE: &str = "pane";
pub const F_SCROLL: &str = "scroll";
pub const F_BACK_TO_LIST: &str = "back to the list";
