import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { CaseListPage } from '../features/cases/CaseListPage';
import { theme } from '../theme';
import { Layout } from './Layout';
import { queryClient } from './queryClient';
import { WorkspaceGate } from './WorkspaceGate';

// The case list is what a start shows; everything else loads when first opened (see npm run bench).
const CaseWorkspace = lazy(() => import('../features/cases/CaseWorkspace').then((m) => ({ default: m.CaseWorkspace })));
const SearchPage = lazy(() => import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const ListsPage = lazy(() => import('../features/lists/ListsPage').then((m) => ({ default: m.ListsPage })));
const KeysPage = lazy(() => import('../features/keys/KeysPage').then((m) => ({ default: m.KeysPage })));
const WorkspaceMatrixPage = lazy(() =>
  import('../features/screening/WorkspaceMatrixPage').then((m) => ({ default: m.WorkspaceMatrixPage })),
);

/**
 * Hash routes: the same build is loaded from app:// in Electron and from the host's file server,
 * neither of which knows the renderer's routes.
 */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} autoClose={4000} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <Layout>
            <WorkspaceGate>
              <Suspense fallback={null}>
                <Routes>
                  <Route path="/" element={<CaseListPage />} />
                  <Route path="/cases/:id/:tab?" element={<CaseWorkspace />} />
                  <Route path="/search" element={<SearchPage />} />
                  <Route path="/lists" element={<ListsPage />} />
                  <Route path="/coordination" element={<WorkspaceMatrixPage />} />
                  <Route path="/keys" element={<KeysPage />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Routes>
              </Suspense>
            </WorkspaceGate>
          </Layout>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
