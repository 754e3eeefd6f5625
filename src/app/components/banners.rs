//! Warnings about storage across the top: unreadable data kept as backup, full or blocked
//! storage. Each says what happened and what is safe to do.

use crate::app::components::rows::{keyed_rows, Row, RowKey};
use crate::app::download::download;
use crate::app::files::export_json;
use crate::app::state::{use_app, Banner};
use crate::app::storage;
use crate::i18n::Key;
use leptos::prelude::*;

/// The banners currently raised.
#[component]
pub fn Banners() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="banners">
            {keyed_rows(move || state.banners.get().into_iter().enumerate().map(|(i, banner)| {
                Row::new(RowKey::hashed(i.to_string(), &banner), move || view! { <BannerView banner/> }.into_any())
            }).collect())}
        </div>
    }
}

#[component]
fn BannerView(banner: Banner) -> impl IntoView {
    let state = use_app();
    let shown = banner.clone();
    let text = move || match &shown {
        Banner::Unreadable {
            detail,
            backup_key: None,
            ..
        } => state.fill(Key::BannerUnreadableNoBackup, &[detail]),
        Banner::Unreadable { detail, newer, .. } => {
            let key = if *newer {
                Key::BannerNewer
            } else {
                Key::BannerUnreadable
            };
            state.fill(key, &[detail])
        }
        Banner::Quota => state.t(Key::BannerQuota).to_string(),
        Banner::TooBig { percent } => state.fill(Key::BannerTooBig, &[&percent.to_string()]),
        Banner::NearlyFull { percent } => {
            state.fill(Key::BannerNearlyFull, &[&percent.to_string()])
        }
        Banner::Unavailable => state.t(Key::BannerUnavailable).to_string(),
        Banner::SaveFailed(why) => state.fill(Key::BannerSaveFailed, &[why]),
    };
    // Without a backup, the unreadable text is still under the board key: offer that.
    let backup_key = match &banner {
        Banner::Unreadable { backup_key, .. } => Some(
            backup_key
                .clone()
                .unwrap_or_else(|| storage::BOARD_KEY.to_string()),
        ),
        _ => None,
    };
    // When storage is (nearly) full, exporting is what keeps the board safe.
    let offer_export = matches!(
        banner,
        Banner::Quota | Banner::TooBig { .. } | Banner::NearlyFull { .. }
    );
    let dismissed = banner.clone();
    view! {
        <div class="banner" role="alert">
            <p>{text}</p>
            {backup_key.map(|key| view! {
                <button on:click=move |_| {
                    if let Some(raw) = storage::read(&key) {
                        let _ = download("dealboard-unreadable-backup.json", &raw, "application/json");
                    }
                }>{state.tr(Key::DownloadBackup)}</button>
            }.into_any())}
            {offer_export.then(|| view! {
                <button on:click=move |_| export_json(state)>{state.tr(Key::Export)}</button>
            }.into_any())}
            <button on:click=move |_| { let gone = dismissed.clone(); state.drop_banners(move |b| *b != gone) }>
                {state.tr(Key::Dismiss)}
            </button>
        </div>
    }
}
