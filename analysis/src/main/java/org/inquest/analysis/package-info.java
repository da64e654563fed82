package org.inquest.analysis;
