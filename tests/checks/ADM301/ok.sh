#!/bin/bash
# Ssh that runs no admin command.
ssh -T git@github.com
ssh-keyscan github.com >> ~/.ssh/known_hosts
ssh -N -L 5432:db.internal:5432 bastion
ssh -fNL 5432:db:5432 bastion
ssh web1 uptime
ssh web1 'sudo systemctl restart shop'
ansible webservers -m ping
scp dist/shop.tar.gz web1:/tmp/
