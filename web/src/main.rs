//! Thin entry point: panic messages to the console, then the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(speelruimte_web::App);
}
