//! A compact tree of an HTML page: the tree html5ever's tree builder makes of
//! it (the one `scraper` builds too), holding only what the reader looks at:
//! element names, the attributes that mark an article, its byline or the
//! parts around the story ([`sink::KEPT_ATTRIBUTES`]), and text. Nodes are linked
//! by `u32` indices and names are interned, so a node costs 48 bytes and a
//! page a few times its size in memory (a DOM of general use costs ten times
//! more on a table of many small cells).

mod sink;

use html5ever::tendril::StrTendril;
use html5ever::{LocalName, QualName, local_name, ns};

pub use sink::Sink;

/// A node of the tree; the document is node 0.
pub type NodeId = u32;

/// No node: the end of a sibling list, or the parent of an orphan.
const NONE: NodeId = u32::MAX;

/// What a node is.
pub enum Data {
    /// The document, the root of the tree.
    Document,
    /// An element: its name and kept attributes, both as indices into the
    /// [`Dom`]'s tables.
    Element {
        /// Index into the interned names.
        name: u32,
        /// Index into the attribute lists; 0 for none kept.
        attrs: u32,
    },
    /// Text.
    Text(StrTendril),
    /// A template's contents.
    Fragment,
    /// A comment or processing instruction.
    Other,
}

struct Node {
    parent: NodeId,
    prev: NodeId,
    next: NodeId,
    first: NodeId,
    last: NodeId,
    data: Data,
}

/// A parsed page.
pub struct Dom {
    nodes: Vec<Node>,
    /// Element names; 0 is an empty name for a node that is no element.
    names: Vec<QualName>,
    /// Kept attributes of elements; 0 is the empty list.
    attrs: Vec<Vec<(LocalName, StrTendril)>>,
}

/// One step of a walk through a subtree: entering or leaving a node.
#[derive(Clone, Copy)]
pub enum Edge {
    /// Before the node's children.
    Open(NodeId),
    /// After them.
    Close(NodeId),
}

impl Dom {
    fn new() -> Self {
        let empty = QualName::new(None, ns!(), local_name!(""));
        let mut dom = Self {
            nodes: Vec::new(),
            names: vec![empty],
            attrs: vec![Vec::new()],
        };
        dom.push(Data::Document);
        dom
    }

    fn push(&mut self, data: Data) -> NodeId {
        let id = u32::try_from(self.nodes.len()).unwrap_or(NONE);
        self.nodes.push(Node {
            parent: NONE,
            prev: NONE,
            next: NONE,
            first: NONE,
            last: NONE,
            data,
        });
        id
    }

    fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// What node `id` is.
    pub fn data(&self, id: NodeId) -> &Data {
        self.node(id).map_or(&Data::Other, |n| &n.data)
    }

    /// The local name of an element (`""` for other nodes).
    pub fn name(&self, id: NodeId) -> &str {
        &self.qual_name(id).local
    }

    fn qual_name(&self, id: NodeId) -> &QualName {
        let index = match self.data(id) {
            Data::Element { name, .. } => *name as usize,
            _ => 0,
        };
        &self.names[index.min(self.names.len() - 1)]
    }

    /// True for an element in the HTML namespace.
    pub fn is_html(&self, id: NodeId) -> bool {
        matches!(self.data(id), Data::Element { .. }) && self.qual_name(id).ns == ns!(html)
    }

    /// The value of a kept attribute of an element.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        let list = match self.data(id) {
            Data::Element { attrs, .. } => self.attrs.get(*attrs as usize)?,
            _ => return None,
        };
        list.iter().find(|(n, _)| &**n == name).map(|(_, v)| &**v)
    }

    /// The classes of an element.
    pub fn classes(&self, id: NodeId) -> impl Iterator<Item = &str> {
        self.attr(id, "class")
            .unwrap_or_default()
            .split_ascii_whitespace()
    }

    /// The walk through `root` and everything under it, in document order.
    pub fn edges(&self, root: NodeId) -> impl Iterator<Item = Edge> + '_ {
        let mut next = Some(Edge::Open(root));
        std::iter::from_fn(move || {
            let edge = next?;
            next = match edge {
                Edge::Open(id) => match self.node(id).map(|n| n.first) {
                    Some(first) if first != NONE => Some(Edge::Open(first)),
                    _ => Some(Edge::Close(id)),
                },
                Edge::Close(id) if id == root => None,
                Edge::Close(id) => self.node(id).and_then(|n| {
                    if n.next != NONE {
                        Some(Edge::Open(n.next))
                    } else if n.parent != NONE {
                        Some(Edge::Close(n.parent))
                    } else {
                        None
                    }
                }),
            };
            Some(edge)
        })
    }

    /// Every element of the page, in document order.
    pub fn elements(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.descendants(0)
            .filter(|&id| matches!(self.data(id), Data::Element { .. }))
    }

    /// `root` and every node under it, in document order.
    pub fn descendants(&self, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.edges(root).filter_map(|edge| match edge {
            Edge::Open(id) => Some(id),
            Edge::Close(_) => None,
        })
    }

    /// The text under `root`, as it stands in the page.
    pub fn text(&self, root: NodeId) -> String {
        let mut text = String::new();
        for id in self.descendants(root) {
            if let Data::Text(t) = self.data(id) {
                text.push_str(t);
            }
        }
        text
    }

    /// Bytes of text under `root`.
    pub fn text_len(&self, root: NodeId) -> usize {
        self.descendants(root)
            .map(|id| match self.data(id) {
                Data::Text(t) => t.len(),
                _ => 0,
            })
            .sum()
    }

    /// The first element child of the document (`<html>`), or the document.
    pub fn root_element(&self) -> NodeId {
        let mut child = self.node(0).map_or(NONE, |n| n.first);
        while let Some(node) = self.node(child) {
            if matches!(node.data, Data::Element { .. }) {
                return child;
            }
            child = node.next;
        }
        0
    }
}
