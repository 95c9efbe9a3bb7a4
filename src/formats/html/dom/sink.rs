//! Building a [`Dom`] as html5ever's tree builder asks: the tree edits
//! (append, insert before, detach, move children) and the [`TreeSink`]
//! that makes them, keeping only the attributes the reader looks at.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

use super::{Data, Dom, NONE, NodeId};

/// Attributes (without namespace) the reader looks at; others are dropped.
pub(super) const KEPT_ATTRIBUTES: [&str; 9] = [
    "id", "class", "hidden", "itemprop", "role", "rel", "name", "property", "content",
];

/// The tree edits the tree builder asks for.
impl Dom {
    fn detach(&mut self, id: NodeId) {
        let Some(node) = self.node(id) else { return };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if let Some(p) = self.nodes.get_mut(prev as usize) {
            p.next = next;
        } else if let Some(parent) = self.nodes.get_mut(parent as usize) {
            parent.first = next;
        }
        if let Some(n) = self.nodes.get_mut(next as usize) {
            n.prev = prev;
        } else if let Some(parent) = self.nodes.get_mut(parent as usize) {
            parent.last = prev;
        }
        if let Some(node) = self.nodes.get_mut(id as usize) {
            (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
        }
    }

    fn append_child(&mut self, parent: NodeId, id: NodeId) {
        self.detach(id);
        let Some(last) = self.node(parent).map(|p| p.last) else {
            return;
        };
        if let Some(node) = self.nodes.get_mut(id as usize) {
            (node.parent, node.prev) = (parent, last);
        }
        if let Some(l) = self.nodes.get_mut(last as usize) {
            l.next = id;
        }
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            if p.first == NONE {
                p.first = id;
            }
            p.last = id;
        }
    }

    fn insert_before(&mut self, sibling: NodeId, id: NodeId) {
        self.detach(id);
        let Some((parent, prev)) = self.node(sibling).map(|s| (s.parent, s.prev)) else {
            return;
        };
        if let Some(node) = self.nodes.get_mut(id as usize) {
            (node.parent, node.prev, node.next) = (parent, prev, sibling);
        }
        if let Some(s) = self.nodes.get_mut(sibling as usize) {
            s.prev = id;
        }
        if let Some(p) = self.nodes.get_mut(prev as usize) {
            p.next = id;
        } else if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.first = id;
        }
    }

    /// Appends `text` to node `id` when it is a text node.
    fn extend_text(&mut self, id: NodeId, text: &StrTendril) -> bool {
        match self.nodes.get_mut(id as usize).map(|n| &mut n.data) {
            Some(Data::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// Builds a [`Dom`] as html5ever's tree builder asks, exactly as `scraper`
/// does (same merging of text, same template contents).
pub struct Sink {
    dom: RefCell<Dom>,
    interned: RefCell<HashMap<QualName, u32>>,
}

impl Sink {
    /// An empty document.
    pub fn new() -> Self {
        Self {
            dom: RefCell::new(Dom::new()),
            interned: RefCell::new(HashMap::new()),
        }
    }

    /// The tree built so far, leaving an empty document.
    pub fn take(&self) -> Dom {
        self.interned.borrow_mut().clear();
        std::mem::replace(&mut *self.dom.borrow_mut(), Dom::new())
    }

    fn intern(&self, name: QualName) -> u32 {
        let mut dom = self.dom.borrow_mut();
        *self
            .interned
            .borrow_mut()
            .entry(name)
            .or_insert_with_key(|name| {
                dom.names.push(name.clone());
                u32::try_from(dom.names.len() - 1).unwrap_or(0)
            })
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.take()
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |dom| dom.qual_name(*target))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let name = self.intern(name);
        let mut dom = self.dom.borrow_mut();
        let kept = kept(attrs);
        let attrs = if kept.is_empty() {
            0
        } else {
            dom.attrs.push(kept);
            u32::try_from(dom.attrs.len() - 1).unwrap_or(0)
        };
        let id = dom.push(Data::Element { name, attrs });
        if template {
            let contents = dom.push(Data::Fragment);
            dom.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> NodeId {
        self.dom.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => dom.append_child(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = dom.node(*parent).map_or(NONE, |p| p.last);
                if !dom.extend_text(last, &text) {
                    let id = dom.push(Data::Text(text));
                    dom.append_child(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .dom
            .borrow()
            .node(*element)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.dom.borrow().node(*target).map_or(NONE, |n| n.first)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        let Some((parent, prev)) = dom.node(*sibling).map(|s| (s.parent, s.prev)) else {
            return;
        };
        if parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                if !dom.extend_text(prev, &text) {
                    let id = dom.push(Data::Text(text));
                    dom.insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        let Some(Data::Element { attrs: index, .. }) = dom.node(*target).map(|n| &n.data) else {
            return;
        };
        let mut index = *index;
        for (name, value) in kept(attrs) {
            if index == 0 {
                dom.attrs.push(Vec::new());
                index = u32::try_from(dom.attrs.len() - 1).unwrap_or(0);
                if let Some(Data::Element { attrs, .. }) =
                    dom.nodes.get_mut(*target as usize).map(|n| &mut n.data)
                {
                    *attrs = index;
                }
            }
            if let Some(list) = dom.attrs.get_mut(index as usize)
                && !list.iter().any(|(n, _)| *n == name)
            {
                list.push((name, value));
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.dom.borrow_mut();
        loop {
            let first = dom.node(*node).map_or(NONE, |n| n.first);
            if first == NONE {
                break;
            }
            dom.append_child(*new_parent, first);
        }
    }
}

/// The attributes the reader looks at, without namespace, as `scraper`
/// matches `[name=value]`.
fn kept(attrs: Vec<Attribute>) -> Vec<(LocalName, StrTendril)> {
    attrs
        .into_iter()
        .filter(|a| a.name.ns == ns!() && KEPT_ATTRIBUTES.contains(&&*a.name.local))
        .map(|a| (a.name.local, a.value))
        .collect()
}
