//! The theme shortcut changes what the window looks like at every press,
//! the first one included (it used to step to "follow the system" and
//! change nothing on a dark desktop), and the View menu does the same.

use egui::{Key, Modifiers, Theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app_review::window;
use crate::app::BylineApp;
use crate::tests::support::suggested;

fn shown(h: &Harness<'static, BylineApp>) -> Theme {
    h.ctx.theme()
}

#[test]
fn every_ctrl_t_switches_between_dark_and_light() {
    let mut h = window(vec![suggested("Zoë Ødegård [said|CUE] it rained.")]);
    h.run();
    let first = shown(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    let second = shown(&h);
    assert_ne!(second, first, "the first Ctrl+T changed nothing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run();
    assert_eq!(shown(&h), first);
}

#[test]
fn the_view_menu_switches_too() {
    let mut h = window(vec![suggested("Zoë Ødegård [said|CUE] it rained.")]);
    h.run();
    let first = shown(&h);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Theme").click();
    h.run();
    h.get_by_label("Switch dark and light Ctrl+T").click();
    h.run();
    assert_ne!(shown(&h), first);
}
