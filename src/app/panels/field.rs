//! A text field with its name beside it, where a click on the name gives the
//! field the keyboard (as a `<label for>` does on the web). Without that, a
//! click that lands on the name leaves the keyboard with the article, and
//! the letters the editor goes on to type fire single-key shortcuts.

use egui::{Response, Sense, TextEdit, Ui};

/// Draws `name` and then `field`, tied together for screen readers and tests
/// (the field is found by `name`); returns the field's response.
pub fn labelled(ui: &mut Ui, name: &str, field: TextEdit<'_>) -> Response {
    let label = ui.add(egui::Label::new(name).sense(Sense::click()));
    let response = ui.add(field).labelled_by(label.id);
    if label.clicked() {
        response.request_focus();
    }
    response
}
