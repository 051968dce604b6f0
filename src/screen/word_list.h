// Tend: every word of the widget's own that a reader can meet, one line each. The exercise
// brings the rest (its title, steps and crisis resources).
//
// Each TEND_WORD(key, where) names one entry of the string tables in src/screen/words/,
// one JSON file per language, and says where the reader sees it. {name} in a table's text
// is filled in when the screen is built; every table must use the same {names} as English
// for a key, and must have every key (the build checks both, see embed_words.py).
//
// Include with TEND_WORD defined; this file defines nothing by itself.

// Around every step.
TEND_WORD(widget_name, "the widget's name for assistive technology: 'Guided exercise: <title>'")
TEND_WORD(need_pause, "the button at the top of every step that opens the grounding path and its crisis help")
TEND_WORD(step_of_about, "progress under the header: {n} this step, {total} the estimate")
TEND_WORD(taking_pause, "progress while on the grounding path")
TEND_WORD(finished, "progress on an end step")
TEND_WORD(privacy, "before the first question: where the answers are kept, and that a browser may clear them")
TEND_WORD(not_for_emergencies, "before the first question: this is not for emergencies, and nobody reads it")
TEND_WORD(keep_nothing, "before the first question: the choice to keep nothing on this device (a shared computer)")
TEND_WORD(save_words, "under the ways on, once a question lies behind the reader: downloads their words so far")

// The opening screen.
TEND_WORD(about_one_minute, "the exercise's length when it is 1 minute")
TEND_WORD(about_minutes, "the exercise's length, {n} minutes")
TEND_WORD(content_note, "before the exercise's content note, {note}")

// Questions.
TEND_WORD(choose_any, "under a question that takes more than one answer")
TEND_WORD(field_placeholder, "inside an empty reply box")
TEND_WORD(scale_means, "for assistive technology, beside a 0-10 row: {min} means {min_label}; {max} means {max_label}")
TEND_WORD(continue_button, "moves on to the next step")
TEND_WORD(skip, "moves on without answering")
TEND_WORD(back, "goes to the step before")
TEND_WORD(stop_here, "on a check-in that offers it (a scale's `stop`): straight to a quiet end, no grounding screens")

// The grounding path and its help.
TEND_WORD(return_button, "leaves the grounding path, back to the step the reader was on")
TEND_WORD(resources_title, "above the crisis resources")
TEND_WORD(show_help, "on later grounding screens, the one line that opens the crisis resources again")
TEND_WORD(call, "a crisis resource's button when it is a phone number, {number}")
TEND_WORD(send_text, "a crisis resource's button when it is a text (SMS) number, {number}")
TEND_WORD(open_link, "a crisis resource's button when it is a web page, {label}")

// The breathing pacer.
TEND_WORD(breathe_in, "the pacer while the circle grows")
TEND_WORD(breathe_out, "the pacer while the circle shrinks")
TEND_WORD(pacer_paused, "the pacer once the reader paused it")
TEND_WORD(pacer_done, "the pacer once its time is up")
TEND_WORD(pacer_start, "a pause that offers the pacer: the button that starts breathing with it")
TEND_WORD(pacer_offered, "that pause's cue before the reader chose to breathe with it")
TEND_WORD(pacer_pause, "the button that pauses the pacer")
TEND_WORD(pacer_resume, "the same button while paused")
TEND_WORD(pacer_longer, "the button that gives the pacer {n} seconds more")
TEND_WORD(pacer_stop, "the button that ends the pacer at once")

// The end.
TEND_WORD(your_words, "the heading over the reader's answers")
TEND_WORD(keep_them, "above the copy and download buttons")
TEND_WORD(copy, "copies the reader's words")
TEND_WORD(download_text, "downloads them as plain text")
TEND_WORD(download_json, "downloads them as JSON")
TEND_WORD(copied, "after copying worked")
TEND_WORD(copy_failed, "after the browser refused to copy")
TEND_WORD(show_words, "where downloads and copying can't work (a sandboxed frame): shows the words as text to select")
TEND_WORD(words_to_copy, "the name of that text, for assistive technology")
TEND_WORD(cta_lead, "above the practice's invitation, when the practice gave no name")
TEND_WORD(cta_default, "the invitation's button, when the practice gave no words of its own")
TEND_WORD(show_words_today, "at a quiet end (after stopping because it was a lot): shows the reader's words, folded away")
TEND_WORD(hide_words_today, "folds them away again")
TEND_WORD(show_journal, "opens the list of {n} earlier sessions")
TEND_WORD(hide_journal, "closes it again ({n} sessions)")
TEND_WORD(begin_again, "starts the exercise again")
TEND_WORD(delete_answers, "asks to delete everything stored")
TEND_WORD(delete_confirm, "the question asked before deleting")
TEND_WORD(delete_yes, "deletes")
TEND_WORD(delete_no, "keeps everything")
TEND_WORD(deleted, "after deleting")

// About the exercise, for a reader (or a practice) who wants to know what it is.
TEND_WORD(about, "on every step: opens what the exercise is, where it comes from and who reviewed it")
TEND_WORD(about_close, "closes it")
TEND_WORD(about_version, "the exercise's version, {version}, and the fingerprint of its text, {hash}")
TEND_WORD(about_sources, "before the list of what the exercise draws on")
TEND_WORD(about_reviewed, "who reviewed it and when, as the practice says: {who}, {when}")
TEND_WORD(about_not_therapy, "a reminder of what it is and isn't")

// Inside the words the reader downloads or copies.
TEND_WORD(export_skipped, "under a question the reader skipped")
TEND_WORD(export_no_answers, "a session with no answers")
TEND_WORD(export_gone, "above words given to a question the exercise no longer has")
TEND_WORD(export_none_yet, "an export with no finished session")

// Storage, kindly: what happened, what it means for the reader, what they can do.
TEND_WORD(keeping_nothing, "once the reader chose to keep nothing on this device")
TEND_WORD(storage_blocked, "the browser refuses to let the page store anything")
TEND_WORD(storage_blocked_frame, "the same, in a frame where downloads can't work either")
TEND_WORD(storage_full, "the browser's storage for the site is full")
TEND_WORD(storage_failed, "a save failed for another reason")
TEND_WORD(recovered, "what was stored couldn't be read and was set aside")
TEND_WORD(kept_both, "words typed in another tab or window at the same time were kept together with these")
TEND_WORD(recovered_left_in_place, "what was stored couldn't be read, and couldn't be copied aside either: it is left untouched")
TEND_WORD(resumed_after_change, "the exercise changed since the reader's last visit")

// Before the engine runs (web/src/loader.js shows it when the widget's files can't load).
TEND_WORD(cant_show, "instead of the exercise, when it can't be shown (perhaps for now)")
TEND_WORD(cant_show_here, "instead of the exercise, when this page will never let it be shown (its security settings)")

// Written by the page side (web/src/by_hand.js), in a frame that may not allow downloads.
TEND_WORD(keep_by_hand, "under the card after a download in a frame, above the reader's words in a box to select and copy")
