"""Writes torch-onecycle-edges.json: PyTorch OneCycleLR at the edges it accepts (issue 25).

The values are PyTorch's formula, restated here from the get_lr of torch 2.11's torch/optim/lr_scheduler.py
(phase ends pct*T - 1, 2*pct*T - 2, T - 1; the first phase whose end is at or past the step; pct measured from
the previous end; its cos and linear anneals). They are not LrCompose's output, and the test suite never runs
this script: it only reads the file. Run: python3 docs/data/torch-onecycle-edges.py > docs/data/torch-onecycle-edges.json
"""
import json
import math


def one_cycle(max_lr, total_steps, pct_start=0.3, anneal_strategy="cos", div_factor=25.0, final_div_factor=1e4,
              three_phase=False, base_momentum=0.85, max_momentum=0.95):
    initial = max_lr / div_factor
    minimum = initial / final_div_factor
    if three_phase:
        phases = [(float(pct_start * total_steps) - 1, initial, max_lr, max_momentum, base_momentum),
                  (float(2 * pct_start * total_steps) - 2, max_lr, initial, base_momentum, max_momentum),
                  (total_steps - 1, initial, minimum, max_momentum, max_momentum)]
    else:
        phases = [(float(pct_start * total_steps) - 1, initial, max_lr, max_momentum, base_momentum),
                  (total_steps - 1, max_lr, minimum, base_momentum, max_momentum)]

    def anneal(a, b, pct):
        return b + (a - b) / 2.0 * (math.cos(math.pi * pct) + 1) if anneal_strategy == "cos" else (b - a) * pct + a

    lrs, momenta = [], []
    for step in range(total_steps):
        start = 0.0
        for i, (end, lr0, lr1, m0, m1) in enumerate(phases):
            if step <= end or i == len(phases) - 1:
                pct = (step - start) / (end - start)
                lrs.append(anneal(lr0, lr1, pct))
                momenta.append(anneal(m0, m1, pct))
                break
            start = end
    return lrs, momenta


CASES = [
    ("torch.OneCycleLR.three-phase-past-the-end", "issue 25: the second phase end (367.51) lies past the last step (326), "
     "so the fall back to max_lr/div_factor runs to the end and the third phase never starts: it ends near 7.8e-5",
     dict(max_lr=0.000603, total_steps=327, pct_start=0.565, anneal_strategy="cos", div_factor=95.06, final_div_factor=62.7,
          three_phase=True)),
    ("torch.OneCycleLR.three-phase-linear-past-the-end", "pct_start 0.8, three phases, linear",
     dict(max_lr=0.1, total_steps=50, pct_start=0.8, anneal_strategy="linear", three_phase=True)),
    ("torch.OneCycleLR.three-phase-half", "pct_start exactly 0.5: the second phase ends at T - 2, one step before the last",
     dict(max_lr=0.1, total_steps=100, pct_start=0.5, three_phase=True)),
    ("torch.OneCycleLR.pct-start-0", "pct_start 0: the first phase ends at step -1, the run starts part-way into the fall",
     dict(max_lr=0.1, total_steps=40, pct_start=0.0)),
    ("torch.OneCycleLR.pct-start-1", "pct_start 1: the run never leaves the rise",
     dict(max_lr=0.1, total_steps=40, pct_start=1.0)),
    ("torch.OneCycleLR.three-phase-pct-start-0", "pct_start 0 with three phases: straight into the last phase",
     dict(max_lr=0.1, total_steps=40, pct_start=0.0, three_phase=True)),
    ("torch.OneCycleLR.one-step", "a one-step run: step 0 is the end of the last phase",
     dict(max_lr=0.1, total_steps=1, pct_start=0.3)),
]

out = {"about": "PyTorch OneCycleLR at the edges it accepts. Expected values computed from PyTorch's formula "
                "(get_lr of torch 2.11 torch/optim/lr_scheduler.py, restated in torch-onecycle-edges.py beside this "
                "file), not recorded from torch and not from LrCompose.",
       "cases": []}
for case_id, note, p in CASES:
    lrs, momenta = one_cycle(**p)
    params = dict(p)
    params.setdefault("pct_start", 0.3)
    params.setdefault("anneal_strategy", "cos")
    params.setdefault("div_factor", 25.0)
    params.setdefault("final_div_factor", 1e4)
    params.setdefault("three_phase", False)
    params.update(base_lr=p["max_lr"], base_momentum=0.85, max_momentum=0.95)
    out["cases"].append({"id": case_id, "library": "torch 2.11.0 (formula)", "schedule": "OneCycleLR", "params": params,
                         "steps": list(range(p["total_steps"])), "lr": lrs, "momentum": momenta, "note": note})
print(json.dumps(out, indent=1))
