//! How long a registry page takes to become its JSON body: 50 impediments, as the demo seeds them, through
//! `routes::impediments::page_body` — the function `GET /impediments` sends with, so this follows the wire
//! type wherever it goes, and `rendered_page_body`, what the registry's read model sends (each record's
//! JSON kept with it). Target (issue 8): ≤ 0.25 ms a page. `cargo bench -p gmc-api --bench serialize`.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use gmc_api::routes::impediments::{page_body, rendered_page_body};
use gmc_domain::impediment::{Frequency, ImpedimentSource, ImpedimentStatus};
use gmc_domain::Visibility;
use gmc_store::cursor::Page;
use gmc_store::services::impediments::RenderedItem;
use gmc_store::views::ImpedimentView;
use uuid::Uuid;

/// A page like the seeded registry's: every field filled the way `demo_impediments` fills it (a cost on
/// most, one topic, a raised body on some), so the byte count is what the endpoint sends (~700 B an item).
fn page(n: u128) -> Page<ImpedimentView> {
    let at = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap_or_default();
    let items = (0..n)
        .map(|i| ImpedimentView {
            id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + i),
            delegation_id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0001_0000),
            visibility: Visibility::Regional,
            reporting_country: "BGD".into(),
            partner: "EU".into(),
            hs_code: Some("030617".into()),
            ntm_code: "A14".into(),
            ntm_chapter: "A".into(),
            title: "Repeated residue testing of consignments (EU, HS 030617)".into(),
            description: format!(
                "Small exporters from Bangladesh report: repeated residue testing of consignments. Synthetic demo record {i}."
            ),
            severity: 4,
            frequency: Frequency::Recurring,
            estimated_cost: (i % 3 != 0).then_some(1250.0),
            currency: (i % 3 != 0).then(|| "USD".into()),
            source: ImpedimentSource::Stakeholder,
            status: ImpedimentStatus::UnderReview,
            raised_body: (i % 10 == 0).then(|| "SPS Committee".into()),
            raised_on: (i % 10 == 0).then(|| NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default()),
            topic_ids: vec![Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0002_0000)],
            sector: None,
            stakeholder_id: None,
            response_id: None,
            version: 1,
            created_at: at,
            updated_at: at,
        })
        .collect();
    Page {
        items,
        next_cursor: Some("eyJrIjpudWxsLCJpZCI6IjAxOTAwMDAwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAzMSJ9".into()),
        total: gmc_store::cursor::Total::exact(806),
    }
}

fn serialize(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry page");
    for n in [50u128, 200] {
        let input = page(n);
        group.throughput(Throughput::Elements(n as u64));
        // The clone is setup, not measured: the handler owns its page too.
        group.bench_function(format!("{n} impediments to JSON"), |b| {
            b.iter_batched(|| input.clone(), |p| black_box(page_body(p)), BatchSize::SmallInput);
        });
        // What the registry sends from its read model: each record's JSON kept with it, copied per page.
        let rendered: Vec<RenderedItem> = input.items.iter().filter_map(|v| RenderedItem::of(v).ok()).collect();
        let rendered_page = Page { items: rendered, next_cursor: input.next_cursor.clone(), total: input.total };
        group.bench_function(format!("{n} kept impediments to JSON"), |b| {
            b.iter_batched(|| rendered_page.clone(), |p| black_box(rendered_page_body(p)), BatchSize::SmallInput);
        });
    }
    group.finish();
}

criterion_group!(benches, serialize);
criterion_main!(benches);
