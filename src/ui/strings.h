// Tend: the widget's own words (the exercise brings the rest), kept together so their tone
// can be read in one place and translated in one place.
#pragma once

namespace tend::ui::str {

inline constexpr const char* kNeedPause = "I need a pause";
inline constexpr const char* kReturn = "Return to where I was";
inline constexpr const char* kTakingPause = "Taking a pause. There is no hurry.";
inline constexpr const char* kFinished = "You reached the end";
inline constexpr const char* kStepOfAbout = "Step %d of about %d";
inline constexpr const char* kAboutMinute = "About %d minute";
inline constexpr const char* kAboutMinutes = "About %d minutes";
inline constexpr const char* kContentNote = "Content note: ";
inline constexpr const char* kPrivacy =
    "Your answers stay in this browser, on this device. You can delete them at any time.";
inline constexpr const char* kResourcesTitle = "If you need someone now, you don’t have to do this alone.";
inline constexpr const char* kFieldPlaceholder = "Write as much or as little as you like…";
inline constexpr const char* kChooseAny = "Choose any that fit.";
inline constexpr const char* kContinue = "Continue";
inline constexpr const char* kSkip = "Skip";
inline constexpr const char* kBack = "Back";
inline constexpr const char* kYourWords = "Your words today";
inline constexpr const char* kKeepThem = "If you’d like to keep them somewhere else:";
inline constexpr const char* kCopy = "Copy";
inline constexpr const char* kDownloadText = "Download .txt";
inline constexpr const char* kDownloadJson = "Download .json";
inline constexpr const char* kCopied = "Copied. Paste it wherever you keep things that matter.";
inline constexpr const char* kCopyFailed = "This browser didn’t allow copying. The downloads still work.";
inline constexpr const char* kCtaLead = "If you’d like company with this";
inline constexpr const char* kCtaDefault = "If this resonates, book a free consultation";
inline constexpr const char* kShowJournal = "Past sessions on this device (%d)";
inline constexpr const char* kHideJournal = "Hide past sessions (%d)";
inline constexpr const char* kBeginAgain = "Begin again";
inline constexpr const char* kDelete = "Delete my answers";
inline constexpr const char* kDeleteConfirm =
    "Delete everything saved for this exercise on this device, including past sessions? This can’t be undone.";
inline constexpr const char* kDeleteYes = "Yes, delete them";
inline constexpr const char* kDeleteNo = "Keep them";
inline constexpr const char* kDeleted = "Your answers were deleted from this device.";

// The breathing pacer.
inline constexpr const char* kBreatheIn = "Breathe in, gently";
inline constexpr const char* kBreatheOut = "And breathe out, slowly";
inline constexpr const char* kPacerPaused = "Paused. Resume whenever you like.";
inline constexpr const char* kPacerDone = "Take your time. Continue when you are ready.";
inline constexpr const char* kPacerPause = "Pause the breathing";
inline constexpr const char* kPacerResume = "Resume";
inline constexpr const char* kPacerStop = "Stop";
inline constexpr const char* kPacerLonger = "30 seconds more";
inline constexpr float kPacerLongerSeconds = 30.0f;

// Only for assistive technology and the page without WebGL (the DOM mirror).
inline constexpr const char* kWidgetName = "Guided exercise";
inline constexpr const char* kScaleMeans = "%d means %s; %d means %s.";

// Storage, kindly: what happened, what it means for the reader, what they can do.
inline constexpr const char* kStorageBlocked =
    "This browser isn’t letting the page save anything, so your answers are kept only while this page "
    "stays open. You can still finish, and keep your words with the download at the end.";
inline constexpr const char* kStorageFull =
    "This browser’s storage for this site is full, so your latest answers are kept only while this page "
    "stays open. You can still finish, and keep your words with the download at the end.";
inline constexpr const char* kStorageFailed =
    "Your answers couldn’t be saved just now, so they are kept only while this page stays open. "
    "You can still finish, and keep your words with the download at the end.";
inline constexpr const char* kRecovered =
    "What was saved from an earlier visit couldn’t be read, so this is a fresh start. The old data was "
    "set aside, not deleted.";
inline constexpr const char* kResumedAfterChange =
    "This exercise was updated since your last visit, so you’re back a step or two. Your answers are kept.";

}  // namespace tend::ui::str
