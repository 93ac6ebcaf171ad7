//! Times the text entry points on the endpoint documentation's example, natively. Profiling aid.
use brp_customer_patch::{apply_patch_text, validate_patch_text, Options};
use std::time::Instant;

fn main() {
    let text = r#"{"status":"pending","metadata":{"customer_number":"KD-2026-0815","cost_center":"CC-4200"}}"#;
    let customer = r#"{"id":"cust_r8s9t0u1","name":"SolarDach GmbH","status":"active","balance_group":{"eic":"11YSOLARDACH--A","tso":"DE_AMPRION"},"metadata":{"customer_number":"KD-2026-0815","cost_center":"CC-4200","region":"NRW"},"assigned_at":"2026-01-10T09:00:00Z","created_at":"2026-01-10T09:00:00Z","activated_at":"2026-01-10T11:30:00Z"}"#;
    let options = Options::default();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let calls: u32 = std::env::args().nth(1).and_then(|count| count.parse().ok()).unwrap_or(1_000_000);

    if mode == "scan" {
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(brp_customer_patch::raw::scan(std::hint::black_box(text)).is_ok());
        }
        println!("scan {:?} per call", start.elapsed() / calls);
        return;
    }
    if mode != "apply" {
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(validate_patch_text(std::hint::black_box(text), &options));
        }
        println!("validate {:?} per call", start.elapsed() / calls);
    }
    if mode != "validate" {
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(apply_patch_text(customer, std::hint::black_box(text), &options).expect("a valid patch"));
        }
        println!("apply {:?} per call", start.elapsed() / calls);
    }
}
