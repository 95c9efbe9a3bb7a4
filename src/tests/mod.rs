//! End-to-end scenarios, one file per feature.

mod brat_polnear;
mod conllu_gum;
mod eval_gold;
mod samples;
