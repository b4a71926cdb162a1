#!/usr/bin/env bash
# Copies the screenshots of the last `npm run demo` and `npm run test:e2e` into docs/,
# where the README shows them. Run both first, so the pictures show the current build.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
for name in page hover-card hover-card-2020 popup side-panel urdu; do
  cp ".output/demo/$name.png" "docs/demo-$name.png"
done
cp .output/e2e/card-light.png .output/e2e/card-dark.png .output/e2e/popup-search.png .output/e2e/timeline.png \
  .output/e2e/news-rails.png .output/e2e/popup-elsewhere.png docs/
echo "docs: screenshots updated"
