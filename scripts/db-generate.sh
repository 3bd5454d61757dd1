#!/usr/bin/env bash
# Generates migrations for the plugin's modules: `node scripts/with-postgres.mjs bash scripts/db-generate.sh`.
# `medusa plugin:db:generate` needs a live database; this one is thrown away afterwards.
set -euo pipefail
export MEDUSA_DISABLE_TELEMETRY=true
export DATABASE_URL="postgres://postgres:postgres@localhost:$DB_PORT/aftersales_gen"
node -e "const {Client}=require('pg');const c=new Client({connectionString:process.env.DATABASE_URL.replace(/aftersales_gen$/,'postgres')});c.connect().then(()=>c.query('create database aftersales_gen')).then(()=>c.end())"
npx medusa plugin:db:generate
