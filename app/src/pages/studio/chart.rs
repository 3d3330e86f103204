//! Pledges over time, drawn by the server as SVG (no JavaScript): the running total by day
//! against the goal, with a text alternative (a summary, and the figures day by day).

use crate::domain::{Dashboard, Money};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 200.0;
const PAD: f64 = 8.0;

#[component]
pub fn PledgeChart(dashboard: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let goal = dashboard.campaign.goal;
    let currency = goal.currency();
    let line = dashboard.cumulative();
    let total = line.last().map(|(_, t)| *t).unwrap_or_default();
    let top = goal.amount().max(total).to_f64().unwrap_or(1.0).max(1.0);
    let y = |amount: f64| HEIGHT - PAD - (amount / top) * (HEIGHT - 2.0 * PAD);
    let steps = line.len().max(2) - 1;
    let x = |i: usize| PAD + (i as f64 / steps as f64) * (WIDTH - 2.0 * PAD);
    // from zero on the day before the first pledge, then each day's running total
    let points: String = std::iter::once((x(0), y(0.0)))
        .chain(line.iter().enumerate().map(|(i, (_, t))| (x((i + 1).min(steps)), y(t.to_f64().unwrap_or(0.0)))))
        .map(|(px, py)| format!("{px:.1},{py:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let goal_y = format!("{:.1}", y(goal.amount().to_f64().unwrap_or(top)));
    let summary = format!(
        "{} {} · {} {}",
        i18n.money(Money::new(total, currency)),
        i18n.t(Key::Pledged),
        i18n.t(Key::OfGoal),
        i18n.money_short(goal)
    );
    view! {
        <figure class="pledge-chart" id="pledge-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="none"
            >
                <title id="chart-title">{i18n.t(Key::ChartTitle)}</title>
                <desc id="chart-desc">{summary.clone()}</desc>
                <line class="chart-goal" x1=PAD y1=goal_y.clone() x2=WIDTH - PAD y2=goal_y></line>
                <polyline class="chart-line" points=points fill="none"></polyline>
            </svg>
            <figcaption>
                {i18n.t(Key::ChartTitle)} " — " {summary}
                <details>
                    <summary>{i18n.t(Key::ChartFigures)}</summary>
                    <table class="chart-table">
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t(Key::ExportDate)}</th>
                                <th scope="col">{i18n.t(Key::ChartPledges)}</th>
                                <th scope="col">{i18n.t(Key::Pledged)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {dashboard
                                .days
                                .iter()
                                .map(|d| {
                                    view! {
                                        <tr>
                                            <td>{i18n.date(d.day)}</td>
                                            <td>{d.pledges}</td>
                                            <td>{i18n.money(Money::new(d.amount, currency))}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}
