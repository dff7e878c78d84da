#!/bin/bash
# GPT-3 1.3B on 8 nodes of 8 GPUs, counted in samples as in Megatron-LM's GPT-3 examples.
torchrun --nproc_per_node 8 --nnodes 8 pretrain_gpt.py \
    --num-layers 24 --hidden-size 2048 --num-attention-heads 16 \
    --seq-length 2048 --max-position-embeddings 2048 \
    --micro-batch-size 4 --global-batch-size 512 \
    --train-samples 10240000 \
    --lr 2e-4 --min-lr 2e-5 --lr-decay-style cosine \
    --lr-decay-samples 9216000 --lr-warmup-samples 512000 \
    --weight-decay-incr-style linear --start-weight-decay 0.0 --end-weight-decay 0.1 \
    --clip-grad 1.0 --bf16 \
    --data-path "my-corpus_text_document"
