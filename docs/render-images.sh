#!/usr/bin/env bash
# Re-draws every picture in docs/ with the lrcompose command itself (run from the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
lrc() { dotnet run --no-build --project src/LrCompose.Cli -- "$@" > /dev/null; }
dotnet build src/LrCompose.Cli > /dev/null
mkdir -p docs/images/catalogue

# The README's picture: exactly the README's first command.
lrc plot gpt2 --out docs/images/gpt2.svg

# The training page's plan: every entry on one step axis.
lrc plot docs/data/training-plan.txt --out docs/images/training-plan.svg

for preset in bert-base gpt2 gpt3-175b llama2-7b resnet50-imagenet transformer-base; do
  lrc plot "$preset" --out "docs/images/preset-$preset.png"
done

while IFS='|' read -r name recipe extra; do
  [ -n "$name" ] || continue
  # shellcheck disable=SC2086
  lrc plot "$recipe" --out "docs/images/catalogue/$name.png" $extra
done <<'LIST'
constant|constant 0.1|--steps 100
linear|linear 100 from=0.1 to=0.01|
cosine|cosine 100 peak=0.1 floor=0.01|
cosine-exponent|cosine 100 peak=0.1 exponent=2 k-decay=2|
polynomial|polynomial 100 from=0.1 to=0 power=2|
exponential|exponential from=0.1 rate=0.5 every=20 staircase=true end=0.01|--steps 100
step|step-decay from=0.1 gamma=0.5 every=25|--steps 100
multistep|multi-step from=0.1 gamma=0.1 milestones=[30, 60, 60]|--steps 100
piecewise|piecewise-constant values=[0.1, 0.05, 0.01] boundaries=[30, 70]|--steps 100
interpolate|interpolate kind=cosine knots=[0:0.004, 30:0.1, 100:0.00001]|
invsqrt|warmup 100 >> inverse-sqrt peak=0.1 timescale=100|--steps 2000
inverse-time|inverse-time from=0.1 rate=1 every=10|--steps 100
tanh|tanh 100 from=0.1 to=0.001|
one-minus-sqrt|one-minus-sqrt 100 from=0.1 to=0.001|
power-law|warmup 240 >> power-law peak=0.02 knee=2000 exponent=0.51 start=240|--steps 20000
triangular|triangular low=0.001 high=0.006 up=10 down=20 mode=triangular2|--steps 150
warmup|warmup 20 shape=cosine >> cosine 80 peak=0.1|
hold|warmup 10 >> hold 50 >> linear 40 from=0.1 to=0|
warmup-log|warmup 40 shape=log >> cosine 60 peak=0.1|
warmup-one-minus-sqrt|warmup 40 shape=one-minus-sqrt >> cosine 60 peak=0.1|
wsd-exponential|warmup-stable-decay peak=0.1 warmup-steps=10 stable-steps=40 decay-steps=50 floor=0.001 decay=exponential|
cycle|cycle multiplier=2 decay=0.5 (cosine 20 peak=0.1 floor=0.01)|--steps 140
clamp|clamp low=0.02 high=0.08 (cosine 100 peak=0.1)|
min|min (cosine 100 peak=0.1) (linear 100 from=0.05 to=0.1)|
mirror|linear 30 from=0.004 to=0.1 >> cosine 70 peak=0.1 floor=0|--momentum
per-epoch|per-epoch 10 (cosine 10 peak=0.1)|
shift|shift 30 (cosine 70 peak=0.1)|
stretch|stretch 3 (cosine 30 peak=0.1)|
staircase|staircase 5 (linear 40 from=0.01 to=0.1) >> staircase 5 sample=end (linear 60 from=0.1 to=0.01)|
LIST
dotnet run --no-build --project src/LrCompose.Cli -- lr-find docs/data/flipnet-range-test.csv --iterations 160 --out docs/images/range-test.png > /dev/null

# docs/live-runs.md
lrc plot "warmup 1000 >> constant 3e-4 |> take 80000" \
  --with "warmup 1000 >> constant 3e-4 |> decay-at 20000 length=4000 shape=one-minus-sqrt" \
  --with "warmup 1000 >> constant 3e-4 |> decay-at 40000 length=8000 shape=one-minus-sqrt" \
  --with "warmup 1000 >> constant 3e-4 |> decay-at 60000 length=12000 shape=one-minus-sqrt" \
  --steps 80000 --out docs/images/live-branch-out.png
lrc plot "warmup 500 >> cosine 9500 peak=1e-3" \
  --with "warmup 500 >> cosine 9500 peak=1e-3 |> retarget at=4000 total=15000" \
  --with "warmup 500 >> cosine 9500 peak=1e-3 |> retarget at=4000 total=7000" \
  --steps 15000 --out docs/images/live-retarget.png
lrc plot "warmup 32 >> until-plateau patience=2 threshold=0.02 (constant 0.05) >> linear 96 from=0.05 to=0" \
  --observations docs/data/flipnet-validation.csv --steps 480 --out docs/images/live-plateau.png

# docs/training.md: the warmup study's demo at the peak of 1, seed 1
lrc warmup-study "warmup 100 >> constant 1 |> take 400" --peaks 1 --seeds 1 --out docs/images/warmup-sharpness.png
lrc warmup-study "warmup 100 >> constant 1 |> take 400" --peaks 1 --seeds 1 --chart loss --out docs/images/warmup-loss.png

# docs/configs.md
lrc import docs/data/configs/ds_config.json --out docs/images/configs/deepspeed.png
lrc import docs/data/configs/ds_onecycle.json --total-steps 3000 --out docs/images/configs/deepspeed-onecycle.png
lrc import docs/data/configs/megatron-gpt3.sh --out docs/images/configs/megatron.png
lrc import docs/data/configs/training_args.json --out docs/images/configs/huggingface.png
lrc import docs/data/configs/llama3_8b.toml --out docs/images/configs/torchtitan.png
