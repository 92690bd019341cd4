//! The texts of the *muziek* work form (rhythm and sound).

use super::texts;

texts! {
    /// The texts of the *muziek* work form (ritme en klank).
    MusicTexts, MUSIC_NL, MUSIC_EN {
        own_scale: ("Eigen toonladder: kies de tonen", "Own scale: choose the notes"),
        title: ("Ritme en klank", "Rhythm and sound"),
        wf_text: (
            "Drums, djembé, klankstaven — loop, nadoen, om de beurt",
            "Drums, djembe, tone bars — loop, echo, taking turns",
        ),
        instrument_layout: ("Instrument", "Instrument"),
        scale: ("Toonladder", "Scale"),
        instrument: ("Klank", "Sound"),
        mode_play: ("Spelen", "Play"),
        mode_loop: ("Loop", "Loop"),
        mode_echo: ("Nadoen", "Echo"),
        mode_turns: ("Beurten", "Turns"),
        hit: ("slag", "beat"),
        hits: ("slagen", "beats"),
        hits_title: ("Slagen", "Beats"),
        metronome: ("Metronoom", "Metronome"),
        tempo: ("Tempo", "Tempo"),
        bpm: ("tellen per minuut", "beats per minute"),
        slower: ("Langzamer", "Slower"),
        faster: ("Sneller", "Faster"),
        tempo_locked: (
            "Het tempo hoort bij de loop. Wis de loop om het te veranderen.",
            "The tempo belongs to the loop. Clear the loop to change it.",
        ),
        start_beat: ("Tel starten", "Start the count"),
        stop: ("Stop", "Stop"),
        tap_tempo: ("Tik het tempo", "Tap the tempo"),
        click: ("Tik hoorbaar", "Audible click"),
        free_play: ("Vrij spel", "Free play"),
        tape_waiting: (
            "Alles wat gespeeld wordt, wordt bijgehouden zodra er getikt wordt.",
            "Everything played is recorded from the first tap.",
        ),
        tape_running: ("Wordt bijgehouden", "Recording"),
        tape_full: (
            "De opname is vol (3 minuten). Sla op, of begin opnieuw; wat nu gespeeld wordt, wordt niet meer bewaard.",
            "The recording is full (3 minutes). Save, or start again; what is played now is no longer kept.",
        ),
        restart: ("Opnieuw beginnen", "Start again"),
        restart_confirm: (
            "Opnieuw beginnen? Wat tot nu toe gespeeld is en niet opgeslagen, gaat verloren.",
            "Start again? Anything played so far that has not been saved will be lost.",
        ),
        loop_title: ("Loop", "Loop"),
        loop_length: ("Maten", "Bars"),
        bar: ("maat", "bar"),
        bars: ("maten", "bars"),
        of: ("van", "of"),
        count_in: ("Aftellen", "Count-in"),
        recording: ("Neemt op", "Recording"),
        loop_playing: (
            "De loop speelt rond. Neem een laag erbij op, of speel mee.",
            "The loop is going round. Record another layer, or play along.",
        ),
        record: ("Opnemen", "Record"),
        overdub: ("Laag erbij", "Add layer"),
        play: ("Afspelen", "Play"),
        layer: ("Laag", "Layer"),
        layers: ("Lagen", "Layers"),
        mute: ("Stil", "Mute"),
        clear: ("Wis", "Clear"),
        undo_layer: ("Laatste laag weg", "Remove last layer"),
        clear_loop: ("Loop wissen", "Clear loop"),
        echo_title: ("Nadoen", "Echo"),
        level: ("Niveau", "Level"),
        echo_intro: (
            "Luister naar het ritme en tik het daarna na, op welk vlak je wilt.",
            "Listen to the rhythm, then tap it back on any pad you like.",
        ),
        echo_listen: ("Luister…", "Listen…"),
        echo_your_turn: ("Jouw beurt! Tik het ritme na.", "Your turn! Tap the rhythm back."),
        echo_start: ("Speel het ritme", "Play the rhythm"),
        listen_again: ("Nog eens luisteren", "Listen again"),
        again: ("Nog een keer", "Once more"),
        next_level: ("Volgend niveau", "Next level"),
        new_rhythm: ("Nieuw ritme", "New rhythm"),
        of_three_stars: ("van de 3 sterren", "of 3 stars"),
        on_time: ("op tijd", "on time"),
        early: ("iets vroeg", "a little early"),
        late: ("iets laat", "a little late"),
        missed: ("nog niet gespeeld", "not played yet"),
        turns_title: ("Om de beurt", "Taking turns"),
        turns_intro: (
            "Voor een groep: wie aan de beurt is, staat groot in de eigen kleur boven de vlakken. Als de tijd om is, gaat de beurt vanzelf door.",
            "For a group: whoever's turn it is appears large in their own colour above the pads. When the time is up, the turn passes on by itself.",
        ),
        players: ("Spelers", "Players"),
        alone: ("Eén", "One"),
        turn_of: ("Aan de beurt", "Whose turn"),
        turn_time: ("Beurt duurt", "Turn lasts"),
        pass_turn: ("Beurt doorgeven", "Pass the turn"),
        nothing_to_save: (
            "Speel eerst iets; dan is er iets om op te slaan.",
            "Play something first; then there is something to save.",
        ),
        too_many_hits: (
            "Deze opname heeft te veel slagen om op te slaan. Begin opnieuw en sla vaker tussendoor op.",
            "This recording has too many beats to save. Start again and save more often along the way.",
        ),
        timeline: ("Tijdlijn van de slagen", "Timeline of the beats"),
        unreadable: ("Deze opname kon niet worden gelezen.", "This recording could not be read."),
        kind: ("Soort", "Type"),
        length: ("Lengte", "Length"),
        minutes: ("min", "min"),
        play_events: ("Afspelen op de vlakken", "Play back on the pads"),
        free: ("vrij", "free"),

        // The voices, as the drum kit's pads and the review's rows name them.
        voice_kick: ("Basdrum", "Bass drum"),
        voice_snare: ("Snaredrum", "Snare drum"),
        voice_hihat_closed: ("Hi-hat dicht", "Hi-hat closed"),
        voice_hihat_open: ("Hi-hat open", "Hi-hat open"),
        voice_clap: ("Handklap", "Handclap"),
        voice_tom_low: ("Tom laag", "Low tom"),
        voice_tom_high: ("Tom hoog", "High tom"),
        voice_woodblock: ("Houtblok", "Wood block"),
        voice_shaker: ("Shaker", "Shaker"),
        voice_djembe_bass: ("Djembé bas", "Djembe bass"),
        voice_djembe_tone: ("Djembé toon", "Djembe tone"),
        voice_djembe_slap: ("Djembé slap", "Djembe slap"),
    }
}

/// The name of a voice on screen in the language in use; bars and pad tones by their note
/// (`C`, `Fis` / `F♯`).
pub fn voice_name(v: speelruimte_sound::Voice) -> &'static str {
    use speelruimte_sound::{Voice, note_name_en, note_name_nl};
    let t = super::tm();
    match v {
        Voice::Kick => t.voice_kick,
        Voice::Snare => t.voice_snare,
        Voice::HiHatClosed => t.voice_hihat_closed,
        Voice::HiHatOpen => t.voice_hihat_open,
        Voice::Clap => t.voice_clap,
        Voice::TomLow => t.voice_tom_low,
        Voice::TomHigh => t.voice_tom_high,
        Voice::Woodblock => t.voice_woodblock,
        Voice::Shaker => t.voice_shaker,
        Voice::DjembeBass => t.voice_djembe_bass,
        Voice::DjembeTone => t.voice_djembe_tone,
        Voice::DjembeSlap => t.voice_djembe_slap,
        Voice::Xylophone(n) | Voice::Metallophone(n) | Voice::Pad(n) => {
            super::pick(note_name_nl(n), note_name_en(n))
        }
    }
}

/// What a pad says on it in the language in use: its voice's name, or its layout's words.
pub fn pad_label(p: &speelruimte_sound::PadSpec) -> String {
    match &p.label {
        speelruimte_sound::PadLabel::VoiceName => voice_name(p.voice).to_owned(),
        speelruimte_sound::PadLabel::Words { nl, en } => super::pick(nl, en).to_owned(),
    }
}
