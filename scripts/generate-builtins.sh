#!/usr/bin/env bash
# Writes the built-in playbook and themes as Swift from their YAML (the YAML stays the source):
#   Sources/LostphoneCore/Resources/cn-mainland.yaml -> Sources/LostphoneCore/Playbook/BuiltinPlaybook+Generated.swift
#   Themes/*.yaml                                   -> Sources/LostphoneCore/Theme/BuiltinThemes+Generated.swift
# Run it after editing any of them, then build; `--check` only says whether the files are stale.
# A YAML file with a problem stops it with every problem listed, and nothing is written.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product lostphone-codegen >/dev/null
"$(swift build --show-bin-path)/lostphone-codegen" "$@" "$PWD"
